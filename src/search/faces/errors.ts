/**
 * Typed errors of face extraction and face search, so that the HTTP layer can answer each bad input
 * with its own 4xx and store nothing.
 */
export type FaceErrorCode =
  | "undecodable_image"
  | "image_too_large"
  | "no_face"
  | "several_faces"
  | "wrong_template_dimension"
  | "invalid_template";

export class FaceError extends Error {
  constructor(
    readonly code: FaceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FaceError";
  }
}

/** The bytes are not an image the decoder knows (or are truncated). */
export class UndecodableImageError extends FaceError {
  constructor(detail: string) {
    super("undecodable_image", `the image could not be decoded: ${detail}`);
  }
}

/** Over the pixel limit: refused before the pixels are decompressed. */
export class ImageTooLargeError extends FaceError {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly maxPixels: number,
  ) {
    super(
      "image_too_large",
      `the image is ${width}x${height} pixels, over the limit of ${maxPixels.toLocaleString("en")} pixels`,
    );
  }
}

/** Enrolment needs exactly one face; thrown by `extractOneFace` when there is none. */
export class NoFaceError extends FaceError {
  constructor() {
    super("no_face", "no face was found in the image");
  }
}

/** Enrolment needs exactly one face; thrown by `extractOneFace` when there are several. */
export class SeveralFacesError extends FaceError {
  constructor(readonly count: number) {
    super("several_faces", `${count} faces were found in the image; enrolment needs exactly one`);
  }
}

/** A template whose length is not the index's dimension (e.g. from another capture system). */
export class TemplateDimensionError extends FaceError {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      "wrong_template_dimension",
      `the face template has ${actual} values; this index holds ${expected}-dimension templates`,
    );
  }
}

/** A template with a non-finite value or no direction at all (all zeros). */
export class InvalidTemplateError extends FaceError {
  constructor(detail: string) {
    super("invalid_template", `the face template is not usable: ${detail}`);
  }
}
