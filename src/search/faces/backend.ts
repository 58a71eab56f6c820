/**
 * The face models, loaded once per process on first use. face-api (detector: SSD MobileNet v1;
 * alignment: 68-point landmarks; template: a ResNet-34-style network giving 128 values) runs on the
 * TensorFlow.js WebAssembly backend. Both the models and the .wasm binaries are read from the
 * installed packages: nothing is fetched at run time, and no native library is built at install time.
 */
import { createRequire } from "node:module";
import path from "node:path";

export type FaceApi = typeof import("@vladmandic/face-api");

const require = createRequire(import.meta.url);
let loading: Promise<FaceApi> | undefined;

/** The ready face-api module; concurrent first callers share one load, a failed load can be retried. */
export function faceApi(): Promise<FaceApi> {
  loading ??= load().catch((err: unknown) => {
    loading = undefined;
    throw new Error(`the face models could not be loaded: ${err instanceof Error ? err.message : err}`, {
      cause: err,
    });
  });
  return loading;
}

async function load(): Promise<FaceApi> {
  const wasm = require("@tensorflow/tfjs-backend-wasm") as {
    setWasmPaths: (prefix: string, usePlatformFetch?: boolean) => void;
  };
  const wasmDir = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
  // A directory path (not a URL) with platform fetch off makes the backend read the file from disk.
  wasm.setWasmPaths(`${wasmDir}${path.sep}`, false);
  // The package's Node entry wants the native TensorFlow binding; this build runs on the wasm backend.
  const api = require("@vladmandic/face-api/dist/face-api.node-wasm.js") as FaceApi;
  // The package's typings leave out the engine calls of its bundled TensorFlow.js.
  const engine = api.tf as unknown as { setBackend(name: string): Promise<boolean>; ready(): Promise<void> };
  if (!(await engine.setBackend("wasm"))) throw new Error("the TensorFlow.js wasm backend did not start");
  await engine.ready();
  const models = path.join(path.dirname(require.resolve("@vladmandic/face-api/package.json")), "model");
  await api.nets.ssdMobilenetv1.loadFromDisk(models);
  await api.nets.faceLandmark68Net.loadFromDisk(models);
  await api.nets.faceRecognitionNet.loadFromDisk(models);
  return api;
}
