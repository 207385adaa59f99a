/**
 * `JSON.parse` of a large feed in slices. One `JSON.parse` of 15 MB blocks the page for a quarter
 * of a second, more on a slow phone; feeds are mostly one long array (of services, of events),
 * either the whole document or one member of its top object (`contents` of an HSDS page,
 * `itemListElement` of an ItemList, `@graph`). Such an array is cut into its elements by a linear
 * scan (strings jumped over with `indexOf`), and each element is parsed on its own, yielding
 * between them. The result is what `JSON.parse` gives, `__proto__` keys included; on any doubt
 * (text that is not well-formed JSON) the whole text goes to `JSON.parse`, which throws its own
 * error or gives its own answer.
 */

/** Below this, one `JSON.parse` is quick enough. */
const SMALL = 512 * 1024;
/** Characters scanned between two yields. */
const SCAN_SLICE = 256 * 1024;

class NotSimple extends Error {}

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The index after the string that starts at `i` (a `"`). */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const quote = text.indexOf('"', j);
    if (quote < 0) throw new NotSimple();
    let backslashes = 0;
    for (let k = quote - 1; k > i && text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
}

/** The index after the JSON value that starts at `i`; yields now and then on long values. */
function* valueEnd(text: string, i: number): Generator<void, number, void> {
  const first = text.charCodeAt(i);
  if (first === 34) return stringEnd(text, i);
  if (first !== 123 && first !== 91) {
    // A number, true, false or null: up to the next delimiter.
    let j = i;
    while (j < text.length) {
      const code = text.charCodeAt(j);
      if (code === 44 || code === 93 || code === 125 || isSpace(code)) break;
      j++;
    }
    if (j === i) throw new NotSimple();
    return j;
  }
  let depth = 0;
  let j = i;
  let scanned = 0;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (code === 34) {
      const end = stringEnd(text, j);
      scanned += end - j;
      j = end;
      continue;
    }
    if (code === 123 || code === 91) depth++;
    else if (code === 125 || code === 93) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
    if (++scanned >= SCAN_SLICE) {
      scanned = 0;
      yield;
    }
  }
  throw new NotSimple();
}

/** The elements of the array that starts at `i`, each parsed alone; and the index after it. */
function* arrayAt(text: string, i: number): Generator<void, [unknown[], number], void> {
  const out: unknown[] = [];
  let j = skipSpace(text, i + 1);
  if (text.charCodeAt(j) === 93) return [out, j + 1];
  for (;;) {
    const end = yield* valueEnd(text, j);
    out.push(JSON.parse(text.slice(j, end)));
    yield;
    j = skipSpace(text, end);
    const code = text.charCodeAt(j);
    if (code === 93) return [out, j + 1];
    if (code !== 44) throw new NotSimple();
    j = skipSpace(text, j + 1);
  }
}

/** A value: a long array in slices, anything else with one `JSON.parse`. */
function* valueAt(text: string, i: number): Generator<void, [unknown, number], void> {
  const end = yield* valueEnd(text, i);
  if (text.charCodeAt(i) === 91 && end - i > SMALL / 4) return yield* arrayAt(text, i);
  return [JSON.parse(text.slice(i, end)), end];
}

function* document(text: string): Generator<void, unknown, void> {
  let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const first = text.charCodeAt(i);
  let result: unknown;
  if (first === 91) {
    [result, i] = yield* arrayAt(text, i);
  } else if (first === 123) {
    const object: Record<string, unknown> = {};
    i = skipSpace(text, i + 1);
    if (text.charCodeAt(i) === 125) i++;
    else {
      for (;;) {
        if (text.charCodeAt(i) !== 34) throw new NotSimple();
        const keyEnd = stringEnd(text, i);
        const key = JSON.parse(text.slice(i, keyEnd)) as string;
        i = skipSpace(text, keyEnd);
        if (text.charCodeAt(i) !== 58) throw new NotSimple();
        let value: unknown;
        [value, i] = yield* valueAt(text, skipSpace(text, i + 1));
        // As JSON.parse does: an own property, even one named __proto__.
        Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
        i = skipSpace(text, i);
        const code = text.charCodeAt(i);
        if (code === 125) {
          i++;
          break;
        }
        if (code !== 44) throw new NotSimple();
        i = skipSpace(text, i + 1);
      }
    }
    result = object;
  } else throw new NotSimple();
  if (skipSpace(text, i) !== text.length) throw new NotSimple();
  return result;
}

/**
 * Parse JSON text as work in slices (see `runInSlices`): the same value as `JSON.parse`, and the
 * same error for text that is not JSON. A text under half a megabyte is parsed at once.
 */
export function* parseJsonWork(text: string): Generator<void, unknown, void> {
  if (text.length < SMALL) return JSON.parse(text);
  try {
    return yield* document(text);
  } catch (error) {
    if (!(error instanceof NotSimple) && !(error instanceof SyntaxError)) throw error;
    // Not the simple shape, or not JSON at all: JSON.parse decides (and throws its own error).
    return JSON.parse(text);
  }
}
