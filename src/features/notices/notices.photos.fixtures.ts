import sharp from "sharp";

/*
 * Test pictures for the notice photo tests, drawn here so that the tests need no photo of a real
 * person and pass on a fresh clone: an illustrated head and shoulders that the face detector finds
 * (with confidence above 0.9 in every variant), the same with metadata a phone would add, two of
 * them side by side, and a picture with no face at all.
 */

const SKIN = ["#e0ac8a", "#c68642", "#f1c27d", "#8d5524"] as const;
const HAIR = ["#2b1d14", "#5a3825", "#1a1a1a", "#7a5230"] as const;

/** An SVG head and shoulders, 480 x 600; `variant` changes skin and hair. */
export function faceSvg(variant = 0): string {
  const skin = SKIN[variant % SKIN.length];
  const hair = HAIR[variant % HAIR.length];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="600" viewBox="0 0 480 600">
  <defs>
    <radialGradient id="sk" cx="45%" cy="40%" r="65%"><stop offset="0%" stop-color="${skin}"/><stop offset="80%" stop-color="${skin}"/><stop offset="100%" stop-color="#6b4a35"/></radialGradient>
    <radialGradient id="bg" cx="50%" cy="40%" r="80%"><stop offset="0%" stop-color="#dfe6ee"/><stop offset="100%" stop-color="#9aa7b4"/></radialGradient>
    <linearGradient id="nose" x1="0" x2="1"><stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="0.5" stop-color="#000" stop-opacity="0.18"/><stop offset="1" stop-color="#000" stop-opacity="0"/></linearGradient>
  </defs>
  <rect width="480" height="600" fill="url(#bg)"/>
  <path d="M40 600 C60 470 160 440 240 440 C320 440 420 470 440 600 Z" fill="#2f3b4c"/>
  <rect x="200" y="380" width="80" height="90" fill="${skin}"/>
  <ellipse cx="240" cy="260" rx="118" ry="150" fill="url(#sk)"/>
  <path d="M118 250 C110 120 180 90 240 92 C320 92 372 130 362 250 C350 170 300 150 240 150 C180 150 130 170 118 250 Z" fill="${hair}"/>
  <ellipse cx="122" cy="270" rx="14" ry="30" fill="${skin}"/>
  <ellipse cx="358" cy="270" rx="14" ry="30" fill="${skin}"/>
  <path d="M165 213 Q195 198 222 212" stroke="${hair}" stroke-width="8" fill="none" stroke-linecap="round"/>
  <path d="M258 212 Q285 198 315 213" stroke="${hair}" stroke-width="8" fill="none" stroke-linecap="round"/>
  <ellipse cx="194" cy="240" rx="24" ry="12" fill="#fff"/>
  <ellipse cx="286" cy="240" rx="24" ry="12" fill="#fff"/>
  <circle cx="194" cy="240" r="10" fill="#4a3222"/><circle cx="286" cy="240" r="10" fill="#4a3222"/>
  <circle cx="194" cy="240" r="5" fill="#000"/><circle cx="286" cy="240" r="5" fill="#000"/>
  <path d="M170 240 Q194 224 218 240" stroke="#3a2a20" stroke-width="3" fill="none"/>
  <path d="M262 240 Q286 224 310 240" stroke="#3a2a20" stroke-width="3" fill="none"/>
  <rect x="222" y="240" width="36" height="70" fill="url(#nose)"/>
  <path d="M222 305 Q240 318 258 305" stroke="#7a4a35" stroke-width="4" fill="none"/>
  <path d="M200 345 Q240 332 280 345 Q240 368 200 345 Z" fill="#a0524a"/>
  <path d="M200 345 Q240 352 280 345" stroke="#5a2a25" stroke-width="2" fill="none"/>
</svg>`;
}

/** The drawn face as a plain JPEG. */
export const drawnFace = (variant = 0): Promise<Buffer> =>
  sharp(Buffer.from(faceSvg(variant)))
    .jpeg({ quality: 90 })
    .toBuffer();

/** The drawn face enlarged to `width` x 1.25 `width` (for the dimension bound). */
export const largeFace = (width: number): Promise<Buffer> =>
  sharp(Buffer.from(faceSvg(1)), { density: (72 * width) / 480 })
    .resize(width)
    .jpeg({ quality: 85 })
    .toBuffer();

/**
 * The drawn face as a phone would store it: pixels turned a quarter to the left with EXIF
 * orientation 6 (turn right to view), camera make and model, a GPS position, and a Display P3 ICC
 * profile. Upright it is 480 x 600.
 */
export const phoneFace = (variant = 2): Promise<Buffer> =>
  drawnFace(variant).then((upright) =>
    sharp(upright)
      .rotate(-90)
      .withMetadata({ orientation: 6 })
      .withIccProfile("p3")
      .withExifMerge({
        IFD0: { Make: "TestCam", Model: "Phone 12", Copyright: "Fictitious" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "48/1 51/1 2400/100",
          GPSLongitudeRef: "E",
          GPSLongitude: "2/1 21/1 0/1",
        },
      })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );

/** Two drawn faces side by side: a photo that is not of one subject alone. */
export const twoFaces = async (): Promise<Buffer> =>
  sharp({ create: { width: 960, height: 600, channels: 3, background: "#9aa7b4" } })
    .composite([
      { input: await drawnFace(0), left: 0, top: 0 },
      { input: await drawnFace(3), left: 480, top: 0 },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();

/** A readable image with no face in it: a sky over a field. */
export const noFace = (): Promise<Buffer> =>
  sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
      <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6fa8dc"/><stop offset="1" stop-color="#cfe2f3"/></linearGradient></defs>
      <rect width="480" height="360" fill="url(#s)"/><rect y="240" width="480" height="120" fill="#6aa84f"/>
      <circle cx="390" cy="70" r="34" fill="#ffd966"/></svg>`),
  )
    .png()
    .toBuffer();
