/**
 * Reading fields of JSON from feeds written by others, where any field may be missing, of the
 * wrong type, or hostile. Each reader gives a usable value or `undefined` / an empty list, never
 * throws, and never reads what an object inherits (`constructor`, `__proto__`).
 */
export type JsonObject = Record<string, unknown>;

/** A plain JSON object (not an array, not null). */
export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field of an object, only when the object itself holds it. */
export function ownField(object: unknown, key: string): unknown {
  return isJsonObject(object) && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Trimmed text, or a finite number as text; empty is absent. */
export function readText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A finite number, also from numeric text. */
export function readNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** An array, or an empty one for anything else. */
export const readArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The objects of an array; other entries are dropped. */
export const readObjects = (value: unknown): JsonObject[] => readArray(value).filter(isJsonObject);

/** JSON-LD style: a single value counts as a list of one; null and absent as none. */
export const oneOrMany = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
