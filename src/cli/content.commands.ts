import { readFile, stat } from "node:fs/promises";
import type { Command } from "commander";
import { hashImage, type ImageHashes } from "../features/content/content.hashing.ts";
import {
  fileDigests,
  hashVideoFrames,
  isVideoContainer,
  type VideoHashes,
  videoAppError,
} from "../features/content/content.video.ts";
import { systemActor } from "../shared/actor.ts";
import { AppError, isAppError } from "../shared/errors.ts";
import { GENERAL_SECRETARIAT } from "../storage/seed/countries.ts";
import type { CliIo, withServices } from "./context.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

/** `fusion hash` (no database needed) and `fusion content ...` (hash bank import and export). */
export function registerContentCommands(
  program: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
): void {
  program
    .command("hash <file>")
    .description(
      "print the PDQ hash, quality, MD5 and SHA-256 of an image, or of a video's frames (1 per second)",
    )
    .option(
      "--json",
      'one JSON object: {pdq, quality, md5, sha256} for an image, {kind: "video", durationSeconds, md5, sha256, frames} for a video',
    )
    .action(async (file: string, o: { json?: boolean }) => {
      try {
        const r = await hashMedia(file);
        if (r.kind === "image") {
          const h = r.hashes;
          if (o.json)
            io.out(JSON.stringify({ pdq: h.pdq, quality: h.quality, md5: h.md5, sha256: h.sha256 }));
          else io.out(`pdq     ${h.pdq}\nquality ${h.quality}\nmd5     ${h.md5}\nsha256  ${h.sha256}`);
        } else io.out(o.json ? videoJson(r.hashes) : videoText(r.hashes));
        setExit(0);
      } catch (e) {
        const why = isAppError(e)
          ? e.message
          : (e as NodeJS.ErrnoException).code === "ENOENT"
            ? "no such file"
            : String((e as Error).message ?? e);
        io.err(`error: ${file}: ${why}`);
        setExit(1);
      }
    });

  const content = program.command("content").description("the terrorist-content hash banks");
  content
    .command("create-bank <name>")
    .description("create a hash bank owned by the General Secretariat, visible to all members")
    .option("--all-platforms", "share it with every platform partner")
    .action((name: string, o: { allPlatforms?: boolean }) =>
      run(async ({ services }) => {
        const bank = await services.content.createBank(operator(), {
          name,
          envelope: { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" },
          sharedWithAllPlatforms: o.allPlatforms === true,
        });
        io.out(`created bank ${bank.id} (${bank.name})`);
        return 0;
      }),
    );
  content
    .command("import <bank-id> <file>")
    .description("import a hash list into a bank (validated whole first; re-importing changes nothing)")
    .option("--format <format>", "plain (one hash per line), csv or json", "plain")
    .option("--signal-type <type>", "for plain lists: pdq, md5, sha256 or video_md5")
    .option("--labels <labels>", "labels added to every entry, comma-separated")
    .action((bankId: string, file: string, o: { format: string; signalType?: string; labels?: string }) =>
      run(async ({ services }) => {
        const started = performance.now();
        const r = await services.content.importEntries(operator(), bankId, await readFile(file, "utf8"), {
          format: o.format as "plain",
          signalType: o.signalType as "pdq" | undefined,
          labels: o.labels,
        });
        const secs = (performance.now() - started) / 1000;
        io.out(
          `imported ${r.received} hashes in ${secs.toFixed(2)} s: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.duplicatesInFile} duplicate lines`,
        );
        return 0;
      }),
    );
  content
    .command("export <bank-id>")
    .description("print a bank's active entries as a plain list, CSV or JSON")
    .option("--format <format>", "plain, csv or json", "plain")
    .option("--signal-type <type>", "only this signal type")
    .action((bankId: string, o: { format: string; signalType?: string }) =>
      run(async ({ services }) => {
        const text = await services.content.exportEntries(operator(), bankId, {
          format: o.format as "plain",
          signalType: o.signalType as "pdq" | undefined,
          includeRetired: "false",
        });
        io.out(text.trimEnd());
        return 0;
      }),
    );
}

const operator = () => systemActor(GENERAL_SECRETARIAT);

/** Files larger than this are not tried as images (sharp reads the whole file into memory). */
const IMAGE_FILE_LIMIT = 256 * 1024 * 1024;

/**
 * An image when sharp decodes it (so images hash exactly as before, without ffmpeg); otherwise a video
 * when ffprobe reads it as a video container, whatever its name says.
 */
async function hashMedia(
  file: string,
): Promise<{ kind: "image"; hashes: ImageHashes } | { kind: "video"; hashes: VideoHashes }> {
  let notImage: AppError | null = null;
  if ((await stat(file)).size <= IMAGE_FILE_LIMIT) {
    try {
      return { kind: "image", hashes: await hashImage(await readFile(file)) };
    } catch (e) {
      if (!isAppError(e)) throw e;
      notImage = e;
    }
  }
  let video: boolean;
  try {
    video = await isVideoContainer(file);
  } catch (e) {
    const err = videoAppError(e);
    throw isAppError(err) ? new AppError(err.code, `not an image, and ${err.message}`) : err;
  }
  if (!video)
    throw new AppError(
      "unprocessable",
      `neither an image nor a video ffmpeg can read${notImage ? ` (${notImage.message})` : ""}`,
    );
  return { kind: "video", hashes: await hashVideoFrames(file, await fileDigests(file)) };
}

const videoJson = (v: VideoHashes) =>
  JSON.stringify({
    kind: "video",
    durationSeconds: v.durationSeconds,
    md5: v.md5,
    sha256: v.sha256,
    frames: v.frames.map((f) => ({
      index: f.index,
      timestampSeconds: f.timestampSeconds,
      pdq: f.pdq,
      quality: f.quality,
    })),
  });

const videoText = (v: VideoHashes) =>
  [
    `kind     video`,
    `duration ${v.durationSeconds} s`,
    `md5      ${v.md5}`,
    `sha256   ${v.sha256}`,
    `frames   ${v.frames.length} (index, seconds, pdq, quality)`,
    ...v.frames.map((f) => `${f.index}\t${f.timestampSeconds.toFixed(3)}\t${f.pdq}\t${f.quality}`),
  ].join("\n");
