import dgram from "node:dgram";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { signCheckpoint } from "./audit.checkpoint.ts";
import {
  type CheckpointLog,
  fileSink,
  syslogLine,
  syslogSink,
  webhookSink,
  writeToSinks,
} from "./audit.checkpoint-sinks.ts";
import { loadOrCreateSigningKey, publicKeyFileOf } from "./audit.signing.ts";

const dir = () => mkdtempSync(path.join(os.tmpdir(), "fusion-cp-"));
const signer = loadOrCreateSigningKey(path.join(dir(), "audit-signing.key"));
const checkpoint = signCheckpoint(
  signer,
  { seq: 42, hash: "a".repeat(64), count: 40 },
  new Date("2026-06-01T09:00:00Z"),
);
const line = JSON.stringify(checkpoint);

function recordingLog() {
  const errors: { sink?: string; msg: string }[] = [];
  const log: CheckpointLog = {
    info: () => {},
    warn: () => {},
    error: (obj, msg) => errors.push({ sink: (obj as { sink?: string }).sink, msg }),
  };
  return { log, errors };
}

describe("the audit signing key", () => {
  it("is created once, private to its owner, with the public key beside it", () => {
    const file = path.join(dir(), "audit-signing.key");
    const first = loadOrCreateSigningKey(file);
    expect(first.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(publicKeyFileOf(file), "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const again = loadOrCreateSigningKey(file);
    expect(again).toMatchObject({ created: false, keyId: first.keyId });
    expect(first.keyId).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("checkpoint sinks", () => {
  let server: Server | dgram.Socket | undefined;
  afterEach(() => server?.close());

  it("appends JSON lines to the file", async () => {
    const file = path.join(dir(), "nested", "audit-checkpoints.jsonl");
    const sink = fileSink(file);
    await sink.write(line, checkpoint);
    await sink.write(line, checkpoint);
    expect(readFileSync(file, "utf8")).toBe(`${line}\n${line}\n`);
  });

  it("writes an RFC 5424 line (facility log audit, severity notice)", () => {
    expect(syslogLine(line, checkpoint, "fusion-1")).toBe(
      `<109>1 2026-06-01T09:00:00.000Z fusion-1 fusion ${process.pid} audit-checkpoint - ${line}`,
    );
    expect(syslogLine(line, checkpoint, "bad host")).toMatch(/^<109>1 2026-06-01T09:00:00.000Z - fusion /);
  });

  it("sends that line as one UDP datagram", async () => {
    const socket = dgram.createSocket("udp4");
    server = socket;
    const received = new Promise<string>((resolve) =>
      socket.once("message", (m) => resolve(m.toString("utf8"))),
    );
    await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
    const { port } = socket.address();
    await syslogSink(`udp://127.0.0.1:${port}`).write(line, checkpoint);
    expect(await received).toBe(syslogLine(line, checkpoint));
  });

  it("POSTs the checkpoint as JSON to the webhook", async () => {
    const got: { type?: string; body: string }[] = [];
    const http = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        got.push({ type: req.headers["content-type"], body });
        res.statusCode = got.length === 1 ? 204 : 500;
        res.end();
      });
    });
    server = http;
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/checkpoints`;
    await webhookSink(url).write(line, checkpoint);
    expect(got).toEqual([{ type: "application/json", body: line }]);
    await expect(webhookSink(url).write(line, checkpoint)).rejects.toThrow("HTTP 500");
  });

  it("logs a failed sink and still delivers to the others", async () => {
    const file = path.join(dir(), "audit-checkpoints.jsonl");
    const { log, errors } = recordingLog();
    // Port 9 on loopback: nothing listens, so the connection is refused.
    await writeToSinks([webhookSink("http://127.0.0.1:9/x", 2000), fileSink(file)], checkpoint, log);
    expect(readFileSync(file, "utf8")).toBe(`${line}\n`);
    expect(errors).toEqual([
      { sink: "webhook http://127.0.0.1:9", msg: "audit checkpoint not delivered to a sink" },
    ]);
  });
});
