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

/*
 * Two letters that a Latin spelling writes as a digraph a Latin reader folds: Ishaq is written
 * "Eshaq" (s + h read as sh), Lakhal (k + h read as kh). Keyed by the first letter; the second
 * is ha or heh.
 */
const DIGRAPH_FIRST: Record<string, string> = {
  س: "x",
  ص: "x",
  ك: "k",
  ک: "k",
  ق: "k",
  ت: "t",
  ط: "t",
  د: "d",
  ض: "d",
  پ: "f",
};
const H_LETTERS = new Set(["ح", "ه", "ھ"]);

/** Skeleton of a word in an abjad: letters not in the table (alif, waw, ya, ayn, hamza) vanish. */
export function abjadSkeleton(word: string, colloquial = false): string {
  let out = "";
  const letters = [...word];
  const digraphs =
    colloquial &&
    letters.some((ch, i) => i > 0 && H_LETTERS.has(ch) && DIGRAPH_FIRST[letters[i - 1] as string]);
  const qafAsG = colloquial && !digraphs && !letters.some((ch) => PERSIAN_READING[ch]);
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i] as string;
    if (colloquial) {
      const pair = digraphs && H_LETTERS.has(letters[i + 1] as string) ? DIGRAPH_FIRST[ch] : undefined;
      if (pair) {
        out += pair;
        i++;
        continue;
      }
      // Qaf is said g across the Maghreb, Egypt's south, the Gulf and Sudan (Gasmi, Ghedeir):
      // that reading is the second one only for words that have no other.
      const reading = PERSIAN_READING[ch] ?? (ch === "ق" && qafAsG ? "g" : undefined);
      if (reading) {
        out += reading;
        continue;
      }
    }
    out += ARABIC[ch] ?? HEBREW[ch] ?? "";
  }
  return collapse(out);
}

/**
 * The second skeleton of an Arabic-script word, when it differs from the first: how a Latin
 * spelling of another convention writes it (Persian s and z for th, dh, dad, za; qaf as g; letter
 * pairs that read as a Latin digraph).
 */
export function secondSkeleton(word: string): string | undefined {
  if (!/[ثذضظق]|[سصكکقتطدضپ][حهھ]/.test(word)) return undefined;
  const second = abjadSkeleton(word, true);
  return second === abjadSkeleton(word) ? undefined : second;
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
    // A j after a vowel and before no vowel is the glide that English writes y (Sergej, Nikolaj).
    .replace(/([aeiou])j(?![aeiou])/g, "$1")
    .replace(/[aeiouywv]/g, "");
  return collapse(folded);
}
