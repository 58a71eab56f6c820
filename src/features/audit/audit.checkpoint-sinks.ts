import dgram from "node:dgram";
import { appendFile, mkdir } from "node:fs/promises";
import { isIPv6 } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Config } from "../../config.ts";
import type { Checkpoint } from "./audit.checkpoint.ts";

/*
 * Where signed checkpoints go. The file is the default and what `fusion audit verify` reads; the
 * webhook and syslog copies are for production, where the checkpoints should also land on a
 * machine that neither the database nor the application host can rewrite.
 */

/** The part of a pino/Fastify logger the checkpoint job uses (the CLI passes its own). */
export type CheckpointLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type CheckpointSink = { name: string; write(line: string, checkpoint: Checkpoint): Promise<void> };

/** Appends one JSON line; the file is only ever appended to. */
export function fileSink(file: string): CheckpointSink {
  return {
    name: `file ${file}`,
    async write(line) {
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(file, `${line}\n`, { mode: 0o640, flag: "a" });
    },
  };
}

export function webhookSink(url: string, timeoutMs = 5000): CheckpointSink {
  return {
    name: `webhook ${new URL(url).origin}`,
    async write(line) {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: line,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    },
  };
}

// RFC 5424 PRI: facility 13 ("log audit") * 8 + severity 5 ("notice").
const SYSLOG_PRI = 13 * 8 + 5;

/** RFC 5424: <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG. */
export function syslogLine(line: string, checkpoint: Checkpoint, hostname = os.hostname()): string {
  // HOSTNAME is printable US-ASCII without spaces, at most 255 characters; "-" when unknown.
  const host = /^[!-~]{1,255}$/.test(hostname) ? hostname : "-";
  return `<${SYSLOG_PRI}>1 ${checkpoint.at} ${host} fusion ${process.pid} audit-checkpoint - ${line}`;
}

/** One datagram per checkpoint to udp://host:port (IPv6 literals in brackets). */
export function syslogSink(target: string): CheckpointSink {
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port);
  return {
    name: `syslog ${target}`,
    write(line, checkpoint) {
      const message = Buffer.from(syslogLine(line, checkpoint), "utf8");
      const socket = dgram.createSocket(isIPv6(host) ? "udp6" : "udp4");
      return new Promise<void>((resolve, reject) => {
        // An 'error' event without a listener would crash the process.
        socket.once("error", (err) => {
          socket.close();
          reject(err);
        });
        socket.send(message, port, host, (err) => {
          socket.close();
          if (err) reject(err);
          else resolve();
        });
      });
    },
  };
}

export function checkpointSinks(config: Config): CheckpointSink[] {
  const sinks = [fileSink(config.auditCheckpointFile)];
  if (config.auditCheckpointWebhookUrl) sinks.push(webhookSink(config.auditCheckpointWebhookUrl));
  if (config.auditCheckpointSyslog) sinks.push(syslogSink(config.auditCheckpointSyslog));
  return sinks;
}

/** Sends to every sink at once; a failed sink is logged and never stops the others. */
export async function writeToSinks(sinks: CheckpointSink[], checkpoint: Checkpoint, log: CheckpointLog) {
  const line = JSON.stringify(checkpoint);
  const results = await Promise.allSettled(sinks.map((s) => s.write(line, checkpoint)));
  results.forEach((r, i) => {
    if (r.status === "rejected")
      log.error(
        { err: r.reason, sink: sinks[i]?.name, seq: checkpoint.seq },
        "audit checkpoint not delivered to a sink",
      );
  });
  const { seq, count, keyId } = checkpoint;
  log.info({ seq, count, keyId }, `audit checkpoint signed: seq ${seq} (${count} rows), key ${keyId}`);
}
