import { TemplateFormatError } from "./types.ts";

/**
 * Big-endian reader over a byte range. Every read names the field it reads, so a truncated or
 * malformed template fails with a message that says what was expected and where.
 */
export class ByteReader {
  private position: number;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.position = start;
  }

  get offset(): number {
    return this.position;
  }

  get remaining(): number {
    return this.end - this.position;
  }

  private need(count: number, field: string): number {
    if (this.end - this.position < count)
      throw new TemplateFormatError(
        `truncated: ${field} needs ${count} byte(s), only ${this.end - this.position} left`,
        this.position,
      );
    const at = this.position;
    this.position += count;
    return at;
  }

  u8(field: string): number {
    return this.bytes[this.need(1, field)] as number;
  }

  u16(field: string): number {
    const at = this.need(2, field);
    return ((this.bytes[at] as number) << 8) | (this.bytes[at + 1] as number);
  }

  u32(field: string): number {
    const at = this.need(4, field);
    return (
      (this.bytes[at] as number) * 0x1000000 +
      (((this.bytes[at + 1] as number) << 16) |
        ((this.bytes[at + 2] as number) << 8) |
        (this.bytes[at + 3] as number))
    );
  }

  take(count: number, field: string): Uint8Array {
    const at = this.need(count, field);
    return this.bytes.slice(at, at + count);
  }

  /** A reader over the next `count` bytes (which this reader skips). */
  sub(count: number, field: string): ByteReader {
    const at = this.need(count, field);
    return new ByteReader(this.bytes, at, at + count);
  }

  fail(message: string, at = this.position): never {
    throw new TemplateFormatError(message, at);
  }

  expectEnd(what: string): void {
    if (this.remaining !== 0) this.fail(`${this.remaining} unexpected byte(s) after the end of ${what}`);
  }
}

/** Growable big-endian writer; values are checked against their field width. */
export class ByteWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  private room(count: number): void {
    if (this.length + count <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + count));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  private check(value: number, max: number, field: string): void {
    if (!Number.isInteger(value) || value < 0 || value > max)
      throw new TemplateFormatError(`${field} must be an integer 0..${max}, got ${value}`, this.length);
  }

  get offset(): number {
    return this.length;
  }

  fail(message: string): never {
    throw new TemplateFormatError(message, this.length);
  }

  u8(value: number, field: string): this {
    this.check(value, 0xff, field);
    this.room(1);
    this.buffer[this.length++] = value;
    return this;
  }

  u16(value: number, field: string): this {
    this.check(value, 0xffff, field);
    this.room(2);
    this.buffer[this.length++] = value >>> 8;
    this.buffer[this.length++] = value & 0xff;
    return this;
  }

  u32(value: number, field: string): this {
    this.check(value, 0xffffffff, field);
    this.room(4);
    this.buffer[this.length++] = Math.floor(value / 0x1000000);
    this.buffer[this.length++] = (value >>> 16) & 0xff;
    this.buffer[this.length++] = (value >>> 8) & 0xff;
    this.buffer[this.length++] = value & 0xff;
    return this;
  }

  bytes(data: Uint8Array): this {
    this.room(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
    return this;
  }

  /** Overwrites a 32-bit field written earlier (lengths known only at the end). */
  patchU32(at: number, value: number, field: string): void {
    this.check(value, 0xffffffff, field);
    this.buffer[at] = Math.floor(value / 0x1000000);
    this.buffer[at + 1] = (value >>> 16) & 0xff;
    this.buffer[at + 2] = (value >>> 8) & 0xff;
    this.buffer[at + 3] = value & 0xff;
  }

  patchU16(at: number, value: number, field: string): void {
    this.check(value, 0xffff, field);
    this.buffer[at] = value >>> 8;
    this.buffer[at + 1] = value & 0xff;
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/**
 * The header's record length against the data. More declared than present is a truncated template.
 * Less declared than present is kept (and written back) when the structure itself ends exactly at
 * the end of the data: the ANSI 378-2004 and 378-2009 standards' own sample templates carry such
 * wrong lengths. Returns the declared length when it differs, undefined when it is right.
 */
export function checkDeclaredLength(
  reader: ByteReader,
  declared: number,
  actual: number,
  headerLength: number,
): number | undefined {
  if (declared > actual)
    reader.fail(`truncated: the header declares ${declared} bytes, the template has ${actual}`, 8);
  if (declared < headerLength)
    reader.fail(`the header declares ${declared} bytes, less than the ${headerLength}-byte header`, 8);
  return declared === actual ? undefined : declared;
}
