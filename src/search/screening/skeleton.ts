/*
 * Consonant skeletons: the space in which a name written in an abjad (Arabic, Persian, Urdu,
 * Pashto, Hebrew) meets its Latin spellings. Those scripts do not write short vowels, and their
 * long vowels double as the glides w/y, so the only thing both sides reliably share is the run of
 * consonants. Each consonant is folded to one class letter; digraphs of the Latin spellings are
 * folded to the same class (kh, q -> k; sh, ch -> x; th -> t; dh -> d; gh -> g; zh -> j), doubled
 * letters collapse (the shadda is not written), and a final h is dropped (ta marbuta, "Hamza/Hamzah").
 *
 * The Arabic-script table is written here rather than read through a generic transliterator
 * because a generic Latin reading joins letters into digraphs that are not there: طاهر reads
 * "thr", which a Latin skeleton would fold to "tr", while the Latin "Taher" has t and h apart.
 * Going from the letters straight to classes avoids that.
 */

const ARABIC: Record<string, string> = {
  ب: "b",
  ت: "t",
  ث: "t",
  ج: "j",
  ح: "h",
  خ: "k",
  د: "d",
  ذ: "d",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "x",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  غ: "g",
  ف: "f",
  ق: "k",
  ك: "k",
  ک: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ھ: "h",
  ۀ: "h",
  // Persian and Urdu letters.
  پ: "p",
  چ: "x",
  ژ: "zh",
  گ: "g",
  ٹ: "t",
  ڈ: "d",
  ڑ: "r",
  ں: "n",
  // Pashto letters.
  ټ: "t",
  ډ: "d",
  ړ: "r",
  ږ: "zh",
  ښ: "x",
  ځ: "z",
  څ: "s",
  ګ: "g",
  ڼ: "n",
};

const HEBREW: Record<string, string> = {
  ב: "b",
  ג: "g",
  ד: "d",
  ה: "h",
  ז: "z",
  ח: "h",
  ט: "t",
  כ: "k",
  ך: "k",
  ל: "l",
  מ: "m",
  ם: "m",
  נ: "n",
  ן: "n",
  ס: "s",
  פ: "p",
  ף: "f",
  צ: "s",
  ץ: "s",
  ק: "k",
  ר: "r",
  ש: "x",
  ת: "t",
};

/** Collapses repeated class letters and drops a final h (also used on joined skeletons). */
export function collapse(classes: string): string {
  let out = "";
  for (const ch of classes) if (out[out.length - 1] !== ch) out += ch;
  return out.length > 1 && out.endsWith("h") ? out.slice(0, -1) : out;
}

/**
 * Persian, Urdu and Pashto (and Turkish spellings of Arabic names) say th, dh, dad and za as s and
 * z: Usman / Uthman, Ramazan / Ramadan, Fazl / Fadl. The second skeleton reads them that way.
 */
const PERSIAN_READING: Record<string, string> = { ث: "s", ذ: "z", ض: "z", ظ: "z" };

/** Skeleton of a word in an abjad: letters not in the table (alif, waw, ya, ayn, hamza) vanish. */
export function abjadSkeleton(word: string, persian = false): string {
  let out = "";
  for (const ch of word) out += (persian ? PERSIAN_READING[ch] : undefined) ?? ARABIC[ch] ?? HEBREW[ch] ?? "";
  return collapse(out);
}

/** The Persian-style second skeleton, when it differs from the first. */
export function persianSkeleton(word: string): string | undefined {
  if (!/[ثذضظ]/.test(word)) return undefined;
  return abjadSkeleton(word, true);
}

/** Skeleton of a lower-case ASCII token. */
export function latinSkeleton(token: string): string {
  const folded = token
    .replace(/[^a-z]/g, "")
    .replace(/x/g, "ks")
    .replace(/^dj/, "j")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/tch|sch|sh|ch/g, "x")
    .replace(/kh|ck|q|c/g, "k")
    .replace(/gh/g, "g")
    .replace(/th/g, "t")
    .replace(/dh/g, "d")
    .replace(/ph/g, "f")
    .replace(/[aeiouywv]/g, "");
  return collapse(folded);
}
