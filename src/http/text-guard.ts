/**
 * Text that cannot be stored is refused at the edge, once for every route: a body that is not UTF-8
 * or holds a NUL byte, and a JSON value, query or path parameter holding U+0000, an unpaired
 * surrogate or a prototype-poisoning key. Each is a 4xx problem+json naming the field; nothing
 * reaches a service, so nothing is stored. Binary bodies (images, video) are never looked at.
 */
import { Transform, type TransformCallback } from "node:stream";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../shared/errors.ts";
import { type FieldProblem, findBadText } from "../shared/validate.ts";

/** Content types read as text somewhere in the app: JSON, JSON Lines, CSV, plain lists, XML, forms. */
const TEXT_TYPE =
  /^\s*(text\/|application\/(json|x-ndjson|xml|x-www-form-urlencoded)\b|application\/[a-z0-9.-]+\+(json|xml)\b)/i;

export function isTextContentType(header: string | undefined): boolean {
  return header !== undefined && TEXT_TYPE.test(header);
}

const notUtf8 = () =>
  new AppError("bad_request", "The body is not valid UTF-8 text.", {
    errors: [{ path: "body", message: "not valid UTF-8 (send text encoded as UTF-8)", code: "bad_text" }],
  });
const nulByte = () =>
  new AppError("bad_request", "The body contains a NUL byte.", {
    errors: [{ path: "body", message: "contains a NUL character (U+0000)", code: "bad_text" }],
  });

/**
 * Passes the body through unchanged while checking it: strict UTF-8 (no U+FFFD substituted for bad
 * bytes, no encoded surrogates, no overlong forms) and no NUL byte. Streaming keeps a multi-byte
 * character split across chunks intact. The first problem is reported, not thrown: whether the body
 * is refused as bad text or as a content type the route does not take is decided after this.
 */
export class Utf8Check extends Transform {
  readonly #decoder = new TextDecoder("utf-8", { fatal: true });
  #done = false;

  constructor(private readonly onProblem: (err: AppError) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.#done) {
      try {
        this.#decoder.decode(chunk, { stream: true });
        if (chunk.includes(0)) this.#fail(nulByte());
      } catch {
        this.#fail(notUtf8());
      }
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.#done) this.#decoder.decode(); // a sequence cut off at the end of the body
    } catch {
      this.#fail(notUtf8());
    }
    callback();
  }

  #fail(err: AppError): void {
    this.#done = true;
    this.onProblem(err);
  }
}

/** The body check's verdict, per request, for the parser and the hook that act on it. */
const badBodies = new WeakMap<FastifyRequest, AppError>();

function refuse(problem: FieldProblem | null, what: string): void {
  if (problem)
    throw new AppError("validation_failed", `The ${what} contains text that cannot be stored.`, {
      errors: [problem],
    });
}

/** JSON bodies: parsed from text the body check has passed, then walked whole. */
function parseJsonBody(req: FastifyRequest, text: string): unknown {
  const bad = badBodies.get(req);
  if (bad) throw bad;
  if (text.trim() === "") throw new AppError("bad_request", "The body is empty; send JSON.");
  let value: unknown;
  try {
    // A leading byte-order mark is tolerated, as Fastify's own JSON parser did.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  refuse(findBadText(value, "body"), "request body");
  return value;
}

/**
 * Installs the checks on the root instance, before any route or scope is registered so every one
 * inherits them. Only JSON has a parser here: Fastify's default text/plain parser goes, so a route
 * reads text only where it declares a parser for it (the hash import), and a text body sent to any
 * other route is a 415, not a string the route never expected.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook("preParsing", async (req, _reply, payload) => {
    if (!isTextContentType(req.headers["content-type"])) return payload;
    const checked = new Utf8Check((err) => badBodies.set(req, err));
    // Errors of the incoming stream (an aborted upload) reach the parser through the check.
    payload.on("error", (err) => checked.destroy(err));
    return payload.pipe(checked);
  });
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    try {
      done(null, parseJsonBody(req, String(body)));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.addHook("preValidation", async (req) => {
    // A text body some scope's own parser read (the hash import takes raw text): refused here.
    const bad = badBodies.get(req);
    if (bad) throw bad;
    refuse(findBadText(req.query, "querystring"), "query string");
    refuse(findBadText(req.params, "params"), "path");
    // A raw text body needs no walk: strict UTF-8 without NUL bytes holds neither U+0000 nor a lone
    // surrogate, and the import refuses prototype keys in what it parses itself.
  });
}
