import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../../lib/i18n/index.tsx";

/** The capture is a JPEG the size the camera gives, at this quality: enough for a face template. */
const JPEG_QUALITY = 0.92;

type CameraState = "off" | "starting" | "live" | "error";

/** Why the camera could not start, as a message key: refused, absent, or not offered by the browser. */
function cameraProblem(e: unknown) {
  const name = e instanceof DOMException ? e.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "bio.webcam.denied" as const;
  if (name === "NotFoundError" || name === "OverconstrainedError") return "bio.webcam.none" as const;
  if (name === "NotReadableError") return "bio.webcam.busy" as const;
  return "bio.webcam.failed" as const;
}

/**
 * A webcam capture: the camera starts only when asked, the live picture is shown, and "Take the
 * photo" draws the current frame to a canvas and hands it on as a JPEG. The camera is switched off
 * once the photo is taken and whenever the component goes away, so it never stays on unseen.
 */
export function WebcamCapture({
  onCapture,
  disabled,
}: {
  onCapture: (photo: Blob) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>("off");
  const [problem, setProblem] = useState<ReturnType<typeof cameraProblem> | "bio.webcam.unavailable" | null>(
    null,
  );

  const stop = () => {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setState((s) => (s === "error" ? s : "off"));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: switch the camera off on unmount only
  useEffect(() => stop, []);

  const start = async () => {
    setProblem(null);
    // Browsers offer the camera only to secure pages (https, or the local machine).
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem("bio.webcam.unavailable");
      setState("error");
      return;
    }
    setState("starting");
    try {
      const s = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "user", width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false,
      });
      stream.current = s;
      if (video.current) {
        video.current.srcObject = s;
        await video.current.play();
      }
      setState("live");
    } catch (e) {
      stop();
      setProblem(cameraProblem(e));
      setState("error");
    }
  };

  const take = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement("canvas");
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext("2d")?.drawImage(v, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(
      (blob) => {
        stop();
        if (blob) onCapture(blob);
        else {
          setProblem("bio.webcam.failed");
          setState("error");
        }
      },
      "image/jpeg",
      JPEG_QUALITY,
    );
  };

  return (
    <div className="webcam" data-testid="webcam" data-state={state}>
      {problem && (
        <p className="field-error" role="alert" data-testid="webcam-error">
          {t(problem)}
        </p>
      )}
      <video
        ref={video}
        className="webcam-video"
        hidden={state !== "live"}
        muted
        playsInline
        aria-label={t("bio.webcam.preview")}
      />
      <div className="form-actions">
        {state === "live" ? (
          <>
            <button
              type="button"
              className="btn btn-primary"
              onClick={take}
              disabled={disabled}
              data-testid="webcam-take"
            >
              {t("bio.webcam.take")}
            </button>
            <button type="button" className="btn" onClick={stop} data-testid="webcam-stop">
              {t("bio.webcam.stop")}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn"
            onClick={() => void start()}
            disabled={disabled || state === "starting"}
            data-testid="webcam-start"
          >
            {state === "starting" ? t("bio.webcam.starting") : t("bio.webcam.start")}
          </button>
        )}
      </div>
    </div>
  );
}
