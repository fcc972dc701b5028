import { assertNever } from './family';
import { pythonNumberText, type JsonMember, type JsonTree } from './json-tree';

/** Options of pythonJsonDumps; the defaults are Python's json.dumps defaults. */
export interface PythonJsonDumpsOptions {
  /** json.dumps(..., sort_keys=True): keys in code point order, as Python sorts str. */
  readonly sortKeys?: boolean;
  /** json.dumps(..., indent=n): one item per line, n spaces per level (as json.dump(..., indent=2) writes files). */
  readonly indent?: number;
  /** json.dumps(..., separators=(item, key)); default `", "` / `": "`, or `","` / `": "` with indent, as Python picks. */
  readonly separators?: readonly [string, string];
}

/**
 * The exact text of Python's `json.dumps(x, …)` for the value a tree holds, so
 * a hash a Python producer computed can be recomputed byte for byte: default
 * separators `", "` and `": "`, ensure_ascii (every character outside printable
 * ASCII as `\uXXXX` lowercase hex, astral ones as a surrogate pair, DEL too),
 * numbers as Python writes the value read back (see pythonNumberText: the
 * file's own lexeme for anything json.dump wrote), `NaN` / `Infinity` bare. A
 * repeated key counts once with its last value, as in the dict json.loads
 * builds; without sortKeys it stays at its first position.
 */
export function pythonJsonDumps(tree: JsonTree, options: PythonJsonDumpsOptions = {}): string {
  const indent = options.indent === undefined ? null : ' '.repeat(options.indent);
  const [item, key] = options.separators ?? [indent === null ? ', ' : ',', ': '];
  const parts: string[] = [];
  write(tree, { sortKeys: options.sortKeys === true, indent, item, key }, 0, parts);
  return parts.join('');
}

interface Layout {
  readonly sortKeys: boolean;
  readonly indent: string | null;
  readonly item: string;
  readonly key: string;
}

function write(tree: JsonTree, layout: Layout, level: number, parts: string[]): void {
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
      if (tree.items.length === 0) {
        parts.push('[]');
        return;
      }
      const [open, separator, close] = frame(layout, level);
      parts.push('[', open);
      tree.items.forEach((item, index) => {
        if (index > 0) parts.push(separator);
        write(item, layout, level + 1, parts);
      });
      parts.push(close, ']');
      return;
    }
    case 'object': {
      const members = dictMembers(tree.members);
      if (members.length === 0) {
        parts.push('{}');
        return;
      }
      if (layout.sortKeys) members.sort((a, b) => compareCodePoints(a.key, b.key));
      const [open, separator, close] = frame(layout, level);
      parts.push('{', open);
      members.forEach((member, index) => {
        if (index > 0) parts.push(separator);
        parts.push(pythonJsonString(member.key), layout.key);
        write(member.value, layout, level + 1, parts);
      });
      parts.push(close, '}');
      return;
    }
    default:
      assertNever(tree, 'tree node');
  }
}

/** What follows the opening bracket, what separates items, and what precedes the closing one, at a nesting level. */
function frame(layout: Layout, level: number): readonly [string, string, string] {
  if (layout.indent === null) return ['', layout.item, ''];
  const inner = `\n${layout.indent.repeat(level + 1)}`;
  return [inner, layout.item + inner, `\n${layout.indent.repeat(level)}`];
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
