/*
 * Word lists for the parts of names that do not identify anyone (titles, particles, legal forms)
 * and the compact table of spelling variants and nicknames. All are written in the normalised form
 * the parser produces (lower case ASCII, apostrophes removed). No maintained npm package carries
 * such lists for names of the regions a border sees (see docs/screening-engine.md), so they are
 * kept here, short, and reviewed like code.
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Honorifics, religious and professional titles, generational suffixes: always dropped. */
export const TITLES = words(`
  mr mrs ms miss mme mlle herr frau sir dame lord lady dr doctor prof professor eng engineer
  mullah mulla molla mollah sheikh shaikh shaykh sheik cheikh sheekh haji hajji hadji alhaj alhajj
  hajj maulavi maulvi mawlawi mawlavi molvi moulvi maulana mawlana mufti ustadh ustad ustaz general gen colonel col major maj captain capt lieutenant lt
  sergeant sgt commander cmdr admiral adm brigadier rev reverend jr junior senior snr esq hon
  honourable honorable excellency president vice prime minister chancellor king queen prince
  princess emperor senator governor mayor ambassador secretary
`);

/**
 * Titles that are also given names (Sayed Esmatullah, but also a man called Sayed): dropped only in
 * front of a name that keeps at least two other words.
 */
export const SOFT_TITLES = words(
  "syed sayed sayyid sayyed seyed said mirza agha akhund pir qari hafiz hafez imam amir emir",
);

/**
 * Particles: articles and filiation words that carry no identity of their own. They are kept in
 * the parse (the nasab order check needs "bin") but weigh nothing in the score. "un" is not one:
 * as a name it is far more often Korean (Kim Jong Un) than an Arabic article.
 */
export const PARTICLES = words(`
  al el ul ol ad ud ed ar ur er as us es at ut et az uz an en ash ush esh
  bin ibn ben bint binti bte binte ould ag
  van von der den de da di du dos das do del della dei la le lo y e zu ten ter te vom
`);

/** Filiation words: a name after one is the father's, so the order around them matters. */
export const FILIATION = words("bin ibn ben bint binti bte binte ould");

/** Kunya heads written apart or joined to the next word: Abu Bakr / Abubakar, Umm Kulthum. */
export const KUNYA = words("abu abou abo umm um omm");

/** Legal forms of companies, folded to one class each so OAO, OJSC and JSC agree. */
export const LEGAL_FORMS: Record<string, string> = Object.fromEntries(
  (
    [
      ["ltd limited", "ltd"],
      ["llc", "llc"],
      ["inc incorporated", "inc"],
      ["corp corporation", "corp"],
      ["co company", "co"],
      ["plc", "plc"],
      ["gmbh", "gmbh"],
      ["ag aktiengesellschaft", "ag"],
      ["sa sas sarl", "sa"],
      ["srl sprl", "srl"],
      ["spa", "spa"],
      ["bv", "bv"],
      ["nv", "nv"],
      ["lp llp", "lp"],
      ["pty", "pty"],
      ["ab oy as asa aps", "ab"],
      ["kk", "kk"],
      ["jsc ojsc oao zao pjsc pao cjsc ao", "jsc"],
      ["ooo", "llc"],
      ["tov", "llc"],
      ["sdn bhd", "bhd"],
      ["pte", "pte"],
      ["fze fzco fzc fzllc", "fze"],
    ] as const
  ).flatMap(([spellings, cls]) => spellings.split(" ").map((s) => [s, cls])),
);

/** Multi-word legal forms, replaced by their class before tokenising (longest first). */
export const LEGAL_PHRASES: [RegExp, string][] = [
  // "joynt" and a name cut at its field length ("joint stock compan") are still the legal form.
  [/\b(?:open |closed |public )?jo[iy]nt[ -]stock comp[a-z]*\b/g, " jsc "],
  [/\blimited liability (?:company|partnership)\b/g, " llc "],
  [/\bsocietatea cu raspundere limitata\b/g, " srl "],
  [/\bsociete anonyme\b/g, " sa "],
  [/\bsociedad anonima\b/g, " sa "],
  [/\bobshchestvo s ogranichennoy otvetstvennostyu\b/g, " llc "],
  [/\bpublic limited company\b/g, " plc "],
  [/\bgesellschaft mit beschrankter haftung\b/g, " gmbh "],
  [/\bsp(?:olka)? z (?:o ?o|ograniczona odpowiedzialnoscia)\b/g, " llc "],
  [/\baktsionernoe obshchestvo\b/g, " jsc "],
];

/** Prefixes of ship names (motor vessel, motor tanker...): dropped like a legal form. */
export const VESSEL_PREFIXES = new Set(["mv", "mt", "ms", "ss", "fv", "sv", "my", "mts", "tb", "lng", "lpg"]);

/** Number words, so "Brigade Forty-Four" and "Brigade 44", "First" and "1st" agree. */
export const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  [
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
    "sixteen seventeen eighteen nineteen",
  ]
    .join(" ")
    .split(" ")
    .map((w, i) => [w, i])
    .concat(
      "twenty thirty forty fifty sixty seventy eighty ninety".split(" ").map((w, i) => [w, (i + 2) * 10]),
      [
        ["fourty", 40],
        ["hundred", 100],
      ],
      "first second third fourth fifth sixth seventh eighth ninth tenth".split(" ").map((w, i) => [w, i + 1]),
    ),
);

/** Words in organisation names that carry no identity. */
export const ORG_STOPWORDS = words("the and of for und et y i of the");

/*
 * Spelling variants of one name across transliteration conventions and languages. Each line is
 * one group; the first spelling names the group. Spellings that the consonant skeleton already
 * unites (Youssef / Yusuf) need not be listed; the table is for what it cannot (Mohammed / Mehmet,
 * John / Juan / Ivan).
 */
const VARIANT_GROUPS = `
  muhammad mohammed mohamed mohammad mohamad muhammed mohd mehmet mehmed magomed mukhammad mohamud mahomed
  ahmad ahmed ahmet akhmed achmed
  yusuf youssef yousef yousuf yusef youssouf yosef yusup
  usama osama ousama usamah
  umar omar omer
  husayn hussein hussain husain hosein hossein huseyin huseyn gusein
  hasan hassan gasan
  ibrahim ebrahim ibragim abraham avraham
  sulayman suleiman suleyman sulaiman soliman solomon
  ismail ismael ismayil
  yahya yehia yahia
  mustafa mostafa moustafa mustapha
  khalid khaled chaled halid
  uthman othman osman usman
  jamal gamal djamel jamel
  abd abdu abdou
  yaqub yakub jakob jacob yakov jacques jaime
  dawud dawood davud david
  musa moussa moses moshe
  isa issa jesus
  maryam mariam miriam maria mary marie mariya
  zakariya zakaria zakariyya zacharias zachary
  ilyas elias ilya
  yunus younis younes jonah
  nuh noah
  john juan jean johann johannes giovanni ivan ioannis jan joao
  joseph jose giuseppe josef iosif
  michael mikhail michel miguel michele mikael
  alexander aleksandr alexandre alejandro alessandro aleksander oleksandr
  peter pyotr pierre pedro pietro petr
  paul pavel pablo paolo
  george georgy georgiy jorge giorgio georges
  nicholas nikolai nikolay nicolas nicola mykola
  andrew andrei andrey andre andreas andres
  stephen steven stepan esteban stefan stefano
  sergey sergei serge sergio serhiy
  dmitry dmitri dimitri dmytro
  yevgeny evgeny evgeniy eugene yevhen
  vladimir volodymyr wladimir
  grigory gregory grigoriy hryhoriy
  catherine ekaterina yekaterina katherine kateryna caterina
  kim gim
  lee li yi rhee ri i
  park pak bak
  choi choe
  jung jeong chung
  xi hsi
  zhang chang
  zhou chou chow
`;

const NICKNAME_GROUPS = `
  william bill will willy billy
  robert bob bobby rob
  theodore ted teddy
  michael mike mick
  james jim jimmy
  richard dick rick
  thomas tom tommy
  anthony tony
  benjamin ben benny bibi
  elizabeth liz beth
  katherine kate katie
  joseph joe
  samuel sam
  daniel dan danny
  david dave
  steven steve
  christopher chris
  matthew matt
  nicholas nick
  peter pete
  andrew andy
  frederick fred freddy
  edward ed eddie ted
  timothy tim
  gregory greg
  jeffrey jeff
  ronald ron
  donald don
  lawrence larry
  henry harry
  john jack johnny
  margaret peggy maggie
  alexander alex sasha
  vladimir vova volodya
  mikhail misha
  nikolai kolya
  dmitry dima
  sergey seryozha
  yevgeny zhenya
  aleksey alexei lyosha
`;

function groups(text: string): Map<string, number> {
  const out = new Map<string, number>();
  text
    .trim()
    .split("\n")
    .forEach((line, i) => {
      for (const w of line.trim().split(/\s+/)) if (!out.has(w)) out.set(w, i + 1);
    });
  return out;
}

/** Spelling -> group number (1-based), for variants. */
export const VARIANT_GROUP = groups(VARIANT_GROUPS);
/** Spelling -> group number (1-based), for nicknames (a separate numbering). */
export const NICKNAME_GROUP = groups(NICKNAME_GROUPS);
