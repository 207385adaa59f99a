/**
 * Text folding for search, shared by every widget that filters what people type: lower case,
 * no diacritics, and the letters that Unicode decomposition (NFD) leaves whole mapped to plain ones,
 * so `urzad` finds `Urząd` and `lodz` finds `Łódź`.
 */
export const letterFolds: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  ø: 'o',
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  þ: 'th',
  ŧ: 't',
  ſ: 's',
  ё: 'е',
  // Arabic: alef forms and taa marbuta, as people type them without care.
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ة: 'ه',
  ى: 'ي',
};
// Made on first use: a module-level RegExp would keep this module in every bundle.
let extraPattern: RegExp | undefined;

/** Lower case, no diacritics, and the letters NFD leaves alone mapped to plain ones. */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(
      (extraPattern ??= new RegExp(`[${Object.keys(letterFolds).join('')}]`, 'g')),
      (letter) => letterFolds[letter],
    );
}

/** The folded words of a text, split at anything that is not a letter or a digit. */
export function foldedWords(value: string): string[] {
  return foldText(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether every word of a query starts a word of the text: `lodz` matches `Łódź` but not
 * `młodzieży`. An empty query matches everything.
 */
export function matchesAtWordStarts(text: string, query: string): boolean {
  const wanted = foldedWords(query);
  if (wanted.length === 0) return true;
  const present = foldedWords(text);
  return wanted.every((word) => present.some((candidate) => candidate.startsWith(word)));
}
