import type { z } from 'zod';
import type { otlpAttributeSchema } from '../../../shared/formats/otlp';
import { describeType } from '../reading/describe-value';
import { isJsonObject, readField } from '../reading/read-field';

/** One attribute as kept: its key and its value read into plain JSON. */
export type OtlpAttribute = z.infer<typeof otlpAttributeSchema>;

/** The attributes of one list, and what was wrong with any of them (a path and a reason each). */
export interface ReadAttributes {
  readonly attributes: OtlpAttribute[];
  readonly faults: string[];
}

/** The one-of keys of an AnyValue (common.proto); exactly one is set, or none for an empty value. */
const VALUE_KEYS = ['stringValue', 'intValue', 'doubleValue', 'boolValue', 'arrayValue', 'kvlistValue', 'bytesValue'] as const;

const INTEGER = /^-?\d+$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** proto3 JSON writes these doubles as strings. */
const SPECIAL_DOUBLES: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

/**
 * Reads an OTLP/JSON `attributes` list (KeyValue[]). A malformed entry is not
 * dropped: it is kept with its value as written and named in `faults`, so the
 * reviewer sees both the value and that it broke the encoding.
 */
export function readAttributes(value: unknown, path: string): ReadAttributes {
  const faults: string[] = [];
  const attributes: OtlpAttribute[] = [];
  if (value === undefined || value === null) return { attributes, faults };
  if (!Array.isArray(value)) return { attributes, faults: [`${path} is ${describeType(value)}, not an array`] };
  value.forEach((entry, index) => {
    const at = `${path}[${index}]`;
    if (!isJsonObject(entry)) {
      faults.push(`${at} is ${describeType(entry)}, not a {key, value} object`);
      return;
    }
    const key = readField(entry, 'key');
    if (typeof key !== 'string') faults.push(`${at}.key is ${describeType(key)}, not a string`);
    const name = typeof key === 'string' ? key : `(${at})`;
    attributes.push({ key: name, value: readAnyValue(readField(entry, 'value'), `${typeof key === 'string' ? `${path}["${key}"]` : at}.value`, faults) });
  });
  return { attributes, faults };
}

/** An AnyValue as plain JSON; a malformed one comes back as written, its fault pushed. */
export function readAnyValue(value: unknown, path: string, faults: string[]): unknown {
  // An absent or empty AnyValue is a valid empty value (proto3 omits defaults).
  if (value === undefined || value === null) return null;
  if (!isJsonObject(value)) {
    faults.push(`${path} is ${describeType(value)}, not an AnyValue object`);
    return value;
  }
  const set = VALUE_KEYS.filter((key) => Object.hasOwn(value, key));
  const unknown = Object.keys(value).filter((key) => !(VALUE_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0 || set.length > 1) {
    faults.push(`${path} has ${unknown.length > 0 ? `unknown field ${JSON.stringify(unknown[0])}` : `${set.length} values (${set.join(', ')})`}; an AnyValue holds exactly one`);
    return value;
  }
  const key = set[0];
  if (key === undefined) return null;
  const inner = value[key];
  switch (key) {
    case 'stringValue':
      return typeof inner === 'string' ? inner : fault(faults, path, key, inner, 'a string');
    case 'boolValue':
      return typeof inner === 'boolean' ? inner : fault(faults, path, key, inner, 'a boolean');
    case 'intValue':
      return readInt(inner) ?? fault(faults, path, key, inner, 'an integer (a decimal string or number)');
    case 'doubleValue':
      if (typeof inner === 'number') return inner;
      if (typeof inner === 'string' && Object.hasOwn(SPECIAL_DOUBLES, inner)) return inner;
      if (typeof inner === 'string' && inner.trim() !== '' && Number.isFinite(Number(inner))) return Number(inner);
      return fault(faults, path, key, inner, 'a number');
    case 'bytesValue':
      return typeof inner === 'string' && BASE64.test(inner) ? inner : fault(faults, path, key, inner, 'base64 text');
    case 'arrayValue': {
      const values = isJsonObject(inner) ? readField(inner, 'values') : undefined;
      if (!isJsonObject(inner) || (values !== undefined && !Array.isArray(values))) return fault(faults, path, key, inner, 'an object with a values array');
      return (values ?? []).map((item, index) => readAnyValue(item, `${path}.arrayValue.values[${index}]`, faults));
    }
    case 'kvlistValue': {
      const values = isJsonObject(inner) ? readField(inner, 'values') : undefined;
      if (!isJsonObject(inner) || (values !== undefined && !Array.isArray(values))) return fault(faults, path, key, inner, 'an object with a values array');
      const read = readAttributes(values, `${path}.kvlistValue.values`);
      faults.push(...read.faults);
      // Object.fromEntries would let a key `__proto__` set the prototype; a null-prototype object keeps it a key.
      const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const attribute of read.attributes) object[attribute.key] = attribute.value;
      return object;
    }
  }
}

/** An intValue: a safe integer as a number, a larger one as the exact decimal string written; null when not an integer. */
function readInt(value: unknown): number | string | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string' || !INTEGER.test(value)) return null;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value;
}

function fault(faults: string[], path: string, key: string, inner: unknown, wanted: string): unknown {
  faults.push(`${path}.${key} is ${describeType(inner)}, not ${wanted}`);
  return { [key]: inner };
}
