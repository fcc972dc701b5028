/**
 * Lenient field readers: a field of the wrong type reads as null, so a
 * normalizer can extract what is there after the schema has reported the rest.
 * Reads go through Object.hasOwn so that keys such as `constructor` or
 * `__proto__` never resolve to something inherited.
 */

/** True when the object has the key as its own property (whatever the value). */
export function hasField(obj: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.hasOwn(obj, key);
}

/** The field's own value, or undefined when absent. */
export function readField(obj: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** The field when it is a string, else null. */
export function readString(obj: Readonly<Record<string, unknown>>, key: string): string | null {
  const value = readField(obj, key);
  return typeof value === 'string' ? value : null;
}

/** The field when it is a non-empty string, else null. */
export function readNonEmptyString(obj: Readonly<Record<string, unknown>>, key: string): string | null {
  const value = readField(obj, key);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The field when it is a finite number, else null. */
export function readNumber(obj: Readonly<Record<string, unknown>>, key: string): number | null {
  const value = readField(obj, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The field when it is a boolean, else null. */
export function readBoolean(obj: Readonly<Record<string, unknown>>, key: string): boolean | null {
  const value = readField(obj, key);
  return typeof value === 'boolean' ? value : null;
}

/** The field when it is a JSON object (not an array), else null. */
export function readObject(obj: Readonly<Record<string, unknown>>, key: string): Readonly<Record<string, unknown>> | null {
  const value = readField(obj, key);
  return isJsonObject(value) ? value : null;
}

/** The field when it is an array, else null. */
export function readArray(obj: Readonly<Record<string, unknown>>, key: string): readonly unknown[] | null {
  const value = readField(obj, key);
  return Array.isArray(value) ? value : null;
}

/** True for a JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
