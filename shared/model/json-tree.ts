import { assertNever } from './family';

/**
 * A JSON value that keeps what JSON.parse throws away: each number's literal
 * text (`1.0` is not `1`, 2^53 + 1 is not 2^53), Python's bare `NaN` /
 * `Infinity`, and every object member in document order, duplicates included.
 * Both the lossless JSON parser and the Python literal parser produce it, so a
 * hash recomputed the producer's way (python-json-dumps) sees what the file
 * holds, and the ingest can still turn it into plain values (treeToValue).
 */
export type JsonTree = JsonNull | JsonBool | JsonNumber | JsonString | JsonArray | JsonObject;

/** `null` (Python `None`). */
export interface JsonNull {
  readonly kind: 'null';
}

/** `true` / `false` (Python `True` / `False`). */
export interface JsonBool {
  readonly kind: 'bool';
  readonly value: boolean;
}

/**
 * A number as its text: a JSON number lexeme (`-12`, `1.0`, `2.5e-07`,
 * `123456789012345678901234567890`) or `NaN`, `Infinity`, `-Infinity`.
 * `integer` tells Python's int from its float: a lexeme without `.`, `e` or `E`
 * is an int, exactly as json.loads decides.
 */
export interface JsonNumber {
  readonly kind: 'number';
  readonly text: string;
  readonly integer: boolean;
}

/** A string, decoded (escapes resolved); may hold lone surrogates, as Python's str may. */
export interface JsonString {
  readonly kind: 'string';
  readonly value: string;
}

/** An array (a Python list or tuple). */
export interface JsonArray {
  readonly kind: 'array';
  readonly items: readonly JsonTree[];
}

/** One object member, key decoded. */
export interface JsonMember {
  readonly key: string;
  readonly value: JsonTree;
}

/** An object, its members in document order; a repeated key is kept (lookups take the last, as json.loads does). */
export interface JsonObject {
  readonly kind: 'object';
  readonly members: readonly JsonMember[];
}

/** A parse that either gives a tree or says where and why it stopped; parsers never throw for bad input. */
export type TreeParseResult = { readonly ok: true; readonly tree: JsonTree } | { readonly ok: false; readonly offset: number; readonly reason: string };

/** What a tree parser throws internally for bad input; treeParse turns it into a failed TreeParseResult. */
export class TreeSyntaxError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** Runs a parser that throws TreeSyntaxError on bad input, so callers get a result and never an exception for input. */
export function treeParse(parse: () => JsonTree): TreeParseResult {
  try {
    return { ok: true, tree: parse() };
  } catch (error) {
    if (error instanceof TreeSyntaxError) return { ok: false, offset: error.offset, reason: error.message };
    throw error;
  }
}

/** Deeper than this, a value is hostile or broken: no producer nests anywhere near it (same bound as the ingest's JSON). */
export const MAX_TREE_DEPTH = 200;

/** The shared `null` node. */
export const JSON_NULL: JsonNull = { kind: 'null' };

/** A boolean node. */
export function jsonBool(value: boolean): JsonBool {
  return { kind: 'bool', value };
}

/** A string node. */
export function jsonString(value: string): JsonString {
  return { kind: 'string', value };
}

/**
 * A Python int node from a JS integer or a bigint, e.g. a count built in code
 * (hearth's `step_count`). Throws on a non-integer or unsafe number: that is a
 * programming error, never input.
 */
export function jsonInt(value: number | bigint): JsonNumber {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`jsonInt needs a safe integer, got ${value}`);
  return { kind: 'number', text: value.toString(), integer: true };
}

/** A Python float node from a JS number, its text as Python's repr writes it (`1.0`, `1e+16`, `NaN`). */
export function jsonFloat(value: number): JsonNumber {
  return { kind: 'number', text: pythonFloatRepr(value), integer: false };
}

/** An array node. */
export function jsonArray(items: readonly JsonTree[]): JsonArray {
  return { kind: 'array', items };
}

/** An object node from members in the order given. */
export function jsonObject(members: readonly JsonMember[]): JsonObject {
  return { kind: 'object', members };
}

/** The value of `key` in an object node (the last one when repeated, as json.loads keeps), or undefined. */
export function treeMember(tree: JsonTree, key: string): JsonTree | undefined {
  if (tree.kind !== 'object') return undefined;
  for (let index = tree.members.length - 1; index >= 0; index--) {
    const member = tree.members[index] as JsonMember;
    if (member.key === key) return member.value;
  }
  return undefined;
}

/**
 * How Python prints a float (`float.__repr__`, which json.dumps uses): the
 * shortest digits that round-trip, the closest to the value when several do
 * (the digits of JS's Number#toString, which the ECMAScript spec pins down
 * exactly so), positional with a `.0` for decimal exponents -4..15, otherwise
 * `d.ddde±XX` with at least two exponent digits; non-finite values as
 * json.dumps writes them.
 */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const { digits, exponent } = shortestDigits(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}

/** The significant digits of a positive finite number (no leading or trailing zeros) and the decimal exponent of the first. */
function shortestDigits(magnitude: number): { readonly digits: string; readonly exponent: number } {
  // String() writes `123.456`, `0.000123`, `1e+21` or `1.5e-7`.
  const text = String(magnitude);
  const mark = text.indexOf('e');
  const mantissa = mark < 0 ? text : text.slice(0, mark);
  const point = mantissa.indexOf('.');
  const whole = point < 0 ? mantissa : mantissa.slice(0, point);
  const all = point < 0 ? whole : whole + mantissa.slice(point + 1);
  let first = 0;
  while (all.charCodeAt(first) === 0x30) first++;
  let last = all.length;
  while (last > first + 1 && all.charCodeAt(last - 1) === 0x30) last--;
  return { digits: all.slice(first, last), exponent: whole.length - 1 - first + (mark < 0 ? 0 : Number(text.slice(mark + 1))) };
}

/**
 * The text Python's json.dumps writes for a number node, i.e. after Python read
 * the lexeme back: an int lexeme stays as is (JSON forbids leading zeros, so
 * only `-0` changes, to `0`); a float lexeme becomes repr(float(text)), so
 * `1E5` is `100000.0` and `1e400` is `Infinity`. For any file json.dump wrote,
 * this is the lexeme itself.
 */
export function pythonNumberText(node: JsonNumber): string {
  const { text } = node;
  if (node.integer) return text === '-0' ? '0' : text;
  if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') return text;
  return pythonFloatRepr(Number(text));
}

/** How treeToValue turns an integer beyond ±(2^53 - 1) into a plain value. */
export type UnsafeIntegerMode = 'number' | 'string' | 'bigint';

/** Options of treeToValue. */
export interface TreeToValueOptions {
  /** `number` (JSON.parse's rounding, the default), `string` (exact digits), or `bigint` (exact, but not JSON-serializable). */
  readonly unsafeIntegers?: UnsafeIntegerMode;
}

/**
 * The plain JS value of a tree, as JSON.parse would give it: objects keep the
 * last of repeated keys, numbers become JS numbers (`NaN` / `Infinity` as
 * such, which JSON.parse never yields: callers that serialize must expect
 * them), and integers beyond 2^53 follow `unsafeIntegers`. A `__proto__` key
 * becomes an own property, never the prototype.
 */
export function treeToValue(tree: JsonTree, options: TreeToValueOptions = {}): unknown {
  const mode = options.unsafeIntegers ?? 'number';
  return toValue(tree, mode);
}

function toValue(tree: JsonTree, mode: UnsafeIntegerMode): unknown {
  switch (tree.kind) {
    case 'null':
      return null;
    case 'bool':
      return tree.value;
    case 'string':
      return tree.value;
    case 'number': {
      const value = Number(tree.text);
      if (!tree.integer || Number.isSafeInteger(value) || mode === 'number') return value;
      return mode === 'string' ? tree.text : BigInt(tree.text);
    }
    case 'array':
      return tree.items.map((item) => toValue(item, mode));
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const member of tree.members) {
        const value = toValue(member.value, mode);
        if (member.key === '__proto__') Object.defineProperty(result, member.key, { value, enumerable: true, writable: true, configurable: true });
        else result[member.key] = value;
      }
      return result;
    }
    default:
      return assertNever(tree, 'tree node');
  }
}
