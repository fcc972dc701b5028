import { assertNever } from './family';
import { pythonNumberText, type JsonMember, type JsonTree } from './json-tree';

/** Options of pythonJsonDumps; the defaults are Python's json.dumps defaults. */
export interface PythonJsonDumpsOptions {
  /** json.dumps(..., sort_keys=True): keys in code point order, as Python sorts str. */
  readonly sortKeys?: boolean;
}

/**
 * The exact text of Python's `json.dumps(x)` (or `json.dumps(x, sort_keys=True)`)
 * for the value a tree holds, so a hash a Python producer computed can be
 * recomputed byte for byte: separators `", "` and `": "`, ensure_ascii (every
 * character outside printable ASCII as `\uXXXX` lowercase hex, astral ones as a
 * surrogate pair, DEL too), numbers as Python writes the value read back (see
 * pythonNumberText: the file's own lexeme for anything json.dump wrote),
 * `NaN` / `Infinity` bare. A repeated key counts once with its last value, as
 * in the dict json.loads builds; without sortKeys it stays at its first position.
 */
export function pythonJsonDumps(tree: JsonTree, options: PythonJsonDumpsOptions = {}): string {
  const parts: string[] = [];
  write(tree, options.sortKeys === true, parts);
  return parts.join('');
}

function write(tree: JsonTree, sortKeys: boolean, parts: string[]): void {
  switch (tree.kind) {
    case 'null':
      parts.push('null');
      return;
    case 'bool':
      parts.push(tree.value ? 'true' : 'false');
      return;
    case 'number':
      parts.push(pythonNumberText(tree));
      return;
    case 'string':
      parts.push(pythonJsonString(tree.value));
      return;
    case 'array': {
      parts.push('[');
      tree.items.forEach((item, index) => {
        if (index > 0) parts.push(', ');
        write(item, sortKeys, parts);
      });
      parts.push(']');
      return;
    }
    case 'object': {
      const members = dictMembers(tree.members);
      if (sortKeys) members.sort((a, b) => compareCodePoints(a.key, b.key));
      parts.push('{');
      members.forEach((member, index) => {
        if (index > 0) parts.push(', ');
        parts.push(pythonJsonString(member.key), ': ');
        write(member.value, sortKeys, parts);
      });
      parts.push('}');
      return;
    }
    default:
      assertNever(tree, 'tree node');
  }
}

/** The members a Python dict would hold: first position, last value of each key. */
function dictMembers(members: readonly JsonMember[]): JsonMember[] {
  const positions = new Map<string, number>();
  const result: JsonMember[] = [];
  for (const member of members) {
    const at = positions.get(member.key);
    if (at === undefined) {
      positions.set(member.key, result.length);
      result.push(member);
    } else {
      result[at] = { key: member.key, value: member.value };
    }
  }
  return result;
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 0x22: '\\"', 0x5c: '\\\\', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

/**
 * A string as json.dumps writes it with ensure_ascii (CPython's
 * encode_basestring_ascii): printable ASCII except `"` and `\` as is, short
 * escapes for `"` `\` `\b` `\f` `\n` `\r` `\t`, everything else as `\uxxxx`
 * per UTF-16 code unit, which is exactly Python's surrogate-pair output.
 */
export function pythonJsonString(value: string): string {
  let out = '"';
  let runStart = 0;
  const length = value.length;
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 0x20 && code <= 0x7e && code !== 0x22 && code !== 0x5c) continue;
    out += value.slice(runStart, index);
    out += SHORT_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
    runStart = index + 1;
  }
  return `${out}${value.slice(runStart)}"`;
}

/**
 * Orders two strings by Unicode code point, as Python compares str. JS's `<`
 * compares UTF-16 code units, which puts an astral character (a surrogate pair,
 * 0xD800…) before U+E000–U+FFFF; Python puts it after.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let index = 0;
  while (index < length && a.charCodeAt(index) === b.charCodeAt(index)) index++;
  if (index === length) return a.length - b.length;
  // Differing in the low half of a pair: step back so both sides read whole code points.
  const previous = index > 0 ? a.charCodeAt(index - 1) : 0;
  if (previous >= 0xd800 && previous <= 0xdbff) index--;
  return (a.codePointAt(index) as number) - (b.codePointAt(index) as number);
}
