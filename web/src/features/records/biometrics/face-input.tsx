import { useState } from "react";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { Choice } from "./choice.tsx";
import { useObjectUrl } from "./use-object-url.ts";
import { WebcamCapture } from "./webcam-capture.tsx";

export const IMAGE_TYPES = "image/jpeg,image/png,image/webp";

export interface FacePhoto {
  file: Blob;
  name: string;
}

/**
 * A face photo, from a file or taken with the webcam; what was chosen is shown before it is sent, so
 * the officer sees the face the server will look for. `controlId` labels the file input.
 */
export function FaceInput({
  value,
  onChange,
  controlId,
  describedBy,
  disabled,
}: {
  value: FacePhoto | null;
  onChange: (photo: FacePhoto | null) => void;
  controlId: string;
  describedBy?: string | undefined;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<"file" | "webcam">("file");
  const preview = useObjectUrl(value?.file ?? null);
  const switchTo = (m: "file" | "webcam") => {
    setMode(m);
    onChange(null);
  };
  return (
    <div className="face-input">
      <Choice
        legend={t("bio.face.how")}
        value={mode}
        options={[
          { value: "file", label: t("bio.face.fromFile") },
          { value: "webcam", label: t("bio.face.fromWebcam") },
        ]}
        onChange={switchTo}
        disabled={disabled}
        testId="face-mode"
      />
      {mode === "file" ? (
        <input
          id={controlId}
          type="file"
          accept={IMAGE_TYPES}
          aria-describedby={describedBy}
          disabled={disabled}
          onChange={(e) => {
            const f = e.target.files?.[0];
            onChange(f ? { file: f, name: f.name } : null);
          }}
          data-testid="face-file"
        />
      ) : (
        <WebcamCapture
          disabled={disabled ?? false}
          onCapture={(blob) => onChange({ file: blob, name: t("bio.face.captureName") })}
        />
      )}
      {preview && (
        <figure className="face-preview">
          <img src={preview} alt={t("bio.face.previewAlt")} data-testid="face-preview" />
          <figcaption className="muted">
            <bdi>{value?.name}</bdi>
          </figcaption>
        </figure>
      )}
    </div>
  );
}
