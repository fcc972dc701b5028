import { JSON_NULL, MAX_TREE_DEPTH, TreeSyntaxError, jsonBool, treeParse, jsonString, pythonFloatRepr, pythonNumberText, type JsonMember, type JsonNumber, type JsonTree, type TreeParseResult } from './json-tree';
import { TreeParser } from './tree-parser';

/** Longer payloads are refused unread: a log line's dict literal is a few hundred characters. */
export const MAX_PYTHON_LITERAL_LENGTH = 1_048_576;

/** Options of parsePythonLiteral. */
export interface PythonLiteralOptions {
  /** Where the literal starts in `text` (e.g. the payload offset of a log line); offsets in errors stay relative to `text`. */
  readonly start?: number;
  /** Containers nested deeper than this are refused (default MAX_TREE_DEPTH). */
  readonly maxDepth?: number;
  /** Characters from `start` to the end of `text` allowed at most (default MAX_PYTHON_LITERAL_LENGTH). */
  readonly maxLength?: number;
}

/**
 * Parses a Python literal as `repr()` writes it (workflow-executor logs
 * `f"EXECUTION_EVENT | {event}"`, i.e. a dict's repr), from `start` to the end
 * of `text` (trailing whitespace allowed), into the same JsonTree the lossless
 * JSON parser gives, so one code path turns either into a normalized event:
 *
 * - str (quotes `'` or `"`, prefixes u/r, all of Python's escapes but `\N{…}`,
 *   adjacent literals joined) → string; int of any size, `0x`/`0o`/`0b`, `_` →
 *   int node with its decimal text; float → float node with Python's repr text
 *   (`inf`, `-inf`, `nan` become `Infinity`, `-Infinity`, `NaN`, as json.dumps
 *   writes them); True/False/None → bool/null; list, tuple and set → array;
 *   dict → object in repr order.
 * - A dict key that is not a str becomes the string json.dumps would write for
 *   it (`1` → "1", `None` → "null", `True` → "true"); a container key is an error.
 *   So pythonJsonDumps(tree) is json.dumps(value) for every JSON-representable value.
 * - Bytes, f-strings, `\N{…}`, complex numbers, calls such as
 *   `datetime.datetime(…)` and `<object …>` reprs are refused with a reason: they
 *   have no JSON value, and the ingest keeps the raw line with a problem.
 *
 * Never throws for bad input and never reads past `maxLength` characters;
 * time is linear in the input. The offset of an error is a UTF-16 index into `text`.
 */
export function parsePythonLiteral(text: string, options: PythonLiteralOptions = {}): TreeParseResult {
  const start = options.start ?? 0;
  const maxLength = options.maxLength ?? MAX_PYTHON_LITERAL_LENGTH;
  if (text.length - start > maxLength) return { ok: false, offset: start + maxLength, reason: `literal longer than ${maxLength} characters` };
  const parser = new PythonLiteralParser(text, start, options.maxDepth ?? MAX_TREE_DEPTH);
  return treeParse(() => parser.parseDocument());
}

const BACKSLASH = 0x5c;

/** Escapes of one character after a backslash in a non-raw str. */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

/** Hex digits expected after `\x`, `\u` and `\U`. */
const HEX_ESCAPE_LENGTHS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** A decimal number: digits with single underscores between them, optional fraction and exponent (Python's float/int grammar). */
const DECIMAL_NUMBER = /(?:\d(?:_?\d)*)?(?:\.(?:\d(?:_?\d)*)?)?(?:[eE][+-]?\d(?:_?\d)*)?/y;
const PREFIXED_INTEGER = /0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const MAX_INT_DIGITS = 4300;
const DECIMAL_INTEGER = /^(?:0(?:_?0)*|[1-9](?:_?\d)*)$/;

class PythonLiteralParser extends TreeParser {
  protected override trailingDataMessage(): string {
    return 'unexpected text after the literal';
  }

  protected override parseValue(depth: number): JsonTree {
    const char = this.text.charAt(this.position);
    switch (char) {
      case '{':
        return this.parseBraces(depth + 1);
      case '[':
        return this.parseSequence(depth + 1, ']');
      case '(':
        return this.parseParentheses(depth + 1);
      case "'":
      case '"':
        return jsonString(this.parseStrings());
      case '-':
      case '+':
        return this.parseSigned();
      case '<':
        return this.fail('an object repr <…> is not a literal');
      case '':
        return this.fail('unexpected end of input, expected a value');
      default:
        if ((char >= '0' && char <= '9') || char === '.') return this.parseNumber(false);
        if (NAME_START.test(char)) return this.parseName();
        return this.fail(`unexpected ${JSON.stringify(char)}, expected a value`);
    }
  }

  /** `{}` is a dict; otherwise the first item decides: `k: v` a dict, a bare value a set (read as an array). */
  private parseBraces(depth: number): JsonTree {
    this.enter(depth);
    this.skipWhitespace();
    if (this.consume('}')) return { kind: 'object', members: [] };
    const firstOffset = this.position;
    const first = this.parseValue(depth);
    this.skipWhitespace();
    if (this.text.charAt(this.position) !== ':') return this.continueSequence(depth, '}', [first]);
    const members: JsonMember[] = [];
    let key = first;
    let keyOffset = firstOffset;
    for (;;) {
      this.position++;
      this.skipWhitespace();
      members.push({ key: jsonKey(key, keyOffset), value: this.parseValue(depth) });
      if (!this.separator('}')) return { kind: 'object', members };
      keyOffset = this.position;
      key = this.parseValue(depth);
      this.skipWhitespace();
      if (this.text.charAt(this.position) !== ':') this.fail("expected ':' after a dict key");
    }
  }

  /** `(x)` is x itself; `()`, `(x,)` and `(x, y)` are tuples (read as arrays). */
  private parseParentheses(depth: number): JsonTree {
    this.enter(depth);
    this.skipWhitespace();
    if (this.consume(')')) return { kind: 'array', items: [] };
    const first = this.parseValue(depth);
    this.skipWhitespace();
    if (this.consume(')')) return first;
    return this.continueSequence(depth, ')', [first]);
  }

  private parseSequence(depth: number, close: string): JsonTree {
    this.enter(depth);
    this.skipWhitespace();
    if (this.consume(close)) return { kind: 'array', items: [] };
    return this.continueSequence(depth, close, [this.parseValue(depth)]);
  }

  private continueSequence(depth: number, close: string, items: JsonTree[]): JsonTree {
    while (this.separator(close)) items.push(this.parseValue(depth));
    return { kind: 'array', items };
  }

  /** After an item: true when another item follows (after a comma), false when `close` ended the container (a trailing comma allowed). */
  private separator(close: string): boolean {
    this.skipWhitespace();
    if (this.consume(close)) return false;
    if (!this.consume(',')) return this.fail(`expected ',' or '${close}'`);
    this.skipWhitespace();
    return !this.consume(close);
  }

  private parseSigned(): JsonTree {
    const negative = this.text.charAt(this.position) === '-';
    this.position++;
    this.skipWhitespace();
    const char = this.text.charAt(this.position);
    if ((char >= '0' && char <= '9') || char === '.') return this.parseNumber(negative);
    const nameStart = this.position;
    const name = this.matchName();
    if (name === 'inf' || name === 'nan') return floatNode(negative ? -floatOfName(name) : floatOfName(name));
    return this.fail('expected a number after the sign', name === null ? this.position : nameStart);
  }

  private parseNumber(negative: boolean): JsonNumber {
    const start = this.position;
    PREFIXED_INTEGER.lastIndex = start;
    const prefixed = PREFIXED_INTEGER.exec(this.text);
    let lexeme: string;
    let integer: boolean;
    if (prefixed !== null) {
      lexeme = prefixed[0];
      integer = true;
    } else {
      DECIMAL_NUMBER.lastIndex = start;
      lexeme = (DECIMAL_NUMBER.exec(this.text) as RegExpExecArray)[0];
      const exponentAt = lexeme.search(/[eE]/);
      integer = exponentAt < 0 && !lexeme.includes('.');
      if (!/\d/.test(exponentAt < 0 ? lexeme : lexeme.slice(0, exponentAt))) this.fail('malformed number');
      if (integer && !DECIMAL_INTEGER.test(lexeme)) this.fail('a decimal integer cannot have leading zeros');
    }
    this.position = start + lexeme.length;
    const next = this.text.charAt(this.position);
    if (next === 'j' || next === 'J') this.fail('a complex number has no JSON value', start);
    if (NAME_PART.test(next)) this.fail('malformed number');
    const digits = lexeme.replace(/_/g, '');
    // Python's repr refuses ints over 4300 digits (sys.int_info.default_max_str_digits); a longer one is junk, and BigInt of it slow.
    if (integer && digits.length > MAX_INT_DIGITS) this.fail(`an integer of more than ${MAX_INT_DIGITS} digits`, start);
    if (integer) {
      const magnitude = BigInt(digits);
      return { kind: 'number', text: (negative ? -magnitude : magnitude).toString(), integer: true };
    }
    const magnitude = Number(digits);
    return floatNode(negative ? -magnitude : magnitude);
  }

  private parseName(): JsonTree {
    const start = this.position;
    const name = this.matchName() as string;
    const next = this.text.charAt(this.position);
    if (next === "'" || next === '"') {
      this.position = start;
      return jsonString(this.parseStrings());
    }
    switch (name) {
      case 'None':
        return JSON_NULL;
      case 'True':
        return jsonBool(true);
      case 'False':
        return jsonBool(false);
      case 'inf':
      case 'nan':
        return floatNode(floatOfName(name));
      default:
        if (next === '(' || next === '.') return this.fail(`${name}${next}… is not a literal (the repr of an object)`, start);
        return this.fail(`the name ${name} is not a literal`, start);
    }
  }

  /** One or more adjacent str literals, joined as Python joins them. */
  private parseStrings(): string {
    let value = this.parseString();
    for (;;) {
      const save = this.position;
      this.skipWhitespace();
      if (!STRING_START.test(this.text.slice(this.position, this.position + 3))) {
        this.position = save;
        return value;
      }
      value += this.parseString();
    }
  }

  private parseString(): string {
    const { text } = this;
    const start = this.position;
    let raw = false;
    for (;;) {
      const prefix = text.charAt(this.position);
      if (prefix === "'" || prefix === '"') break;
      const lower = prefix.toLowerCase();
      if (lower === 'b') this.fail('a bytes literal has no JSON value', start);
      if (lower === 'f') this.fail('an f-string is not a literal', start);
      if (lower === 'r') raw = true;
      else if (lower !== 'u') this.fail('unknown string prefix', start);
      this.position++;
    }
    const quote = text.charCodeAt(this.position);
    if (text.charCodeAt(this.position + 1) === quote && text.charCodeAt(this.position + 2) === quote) this.fail('triple-quoted strings are not supported (repr never writes them)');
    let position = this.position + 1;
    let runStart = position;
    let decoded = '';
    for (;;) {
      const code = text.charCodeAt(position);
      if (Number.isNaN(code) || code === 0x0a || code === 0x0d) this.fail('unterminated string', start);
      if (code === quote) {
        this.position = position + 1;
        return decoded + text.slice(runStart, position);
      }
      if (code !== BACKSLASH) {
        position++;
        continue;
      }
      if (raw) {
        // In a raw string a backslash stays and protects the next character, quotes included.
        position += Number.isNaN(text.charCodeAt(position + 1)) ? 1 : 2;
        continue;
      }
      decoded += text.slice(runStart, position);
      const [piece, length] = this.escape(position);
      decoded += piece;
      position += length;
      runStart = position;
    }
  }

  /** The text of the escape at `position` (a backslash) and how many characters it spans. */
  private escape(position: number): [string, number] {
    const { text } = this;
    const letter = text.charAt(position + 1);
    const simple = SIMPLE_ESCAPES[letter];
    if (simple !== undefined) return [simple, 2];
    if (letter >= '0' && letter <= '7') {
      let end = position + 1;
      while (end < position + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') end++;
      return [String.fromCharCode(Number.parseInt(text.slice(position + 1, end), 8)), end - position];
    }
    const hexLength = HEX_ESCAPE_LENGTHS[letter];
    if (hexLength !== undefined) {
      const hex = text.slice(position + 2, position + 2 + hexLength);
      if (hex.length !== hexLength || !/^[0-9a-fA-F]+$/.test(hex)) this.fail(`\\${letter} must be followed by ${hexLength} hex digits`, position);
      const codePoint = Number.parseInt(hex, 16);
      if (codePoint > 0x10ffff) this.fail(`\\${letter}${hex} is beyond Unicode`, position);
      // \ud800 stays a lone surrogate, as in Python's str.
      return [codePoint > 0xffff ? String.fromCodePoint(codePoint) : String.fromCharCode(codePoint), 2 + hexLength];
    }
    if (letter === 'N') return this.fail('\\N{…} escapes are not supported (repr never writes them)', position);
    if (letter === '' || letter === '\r') return this.fail('unterminated string', position);
    // Python keeps an unknown escape as written: backslash and character.
    return ['\\', 1];
  }

  private matchName(): string | null {
    NAME.lastIndex = this.position;
    const match = NAME.exec(this.text);
    if (match === null) return null;
    this.position += match[0].length;
    return match[0];
  }

  private enter(depth: number): void {
    if (depth > this.maxDepth) this.fail(`nested deeper than ${this.maxDepth}`);
    this.position++;
  }

  private consume(char: string): boolean {
    if (this.text.charAt(this.position) !== char) return false;
    this.position++;
    return true;
  }

  protected override skipWhitespace(): void {
    const { text } = this;
    let position = this.position;
    for (;;) {
      const code = text.charCodeAt(position);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) break;
      position++;
    }
    this.position = position;
  }

}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;
/** A str literal begins: a quote, or up to two prefix letters and a quote. */
const STRING_START = /^(?:[rRuUbBfF]{0,2})['"]/;

function floatOfName(name: 'inf' | 'nan'): number {
  return name === 'inf' ? Infinity : Number.NaN;
}

function floatNode(value: number): JsonNumber {
  return { kind: 'number', text: pythonFloatRepr(value), integer: false };
}

/** The string json.dumps writes for a dict key: str as is, numbers and constants converted, containers refused. */
function jsonKey(key: JsonTree, offset: number): string {
  switch (key.kind) {
    case 'string':
      return key.value;
    case 'number':
      return pythonNumberText(key);
    case 'bool':
      return key.value ? 'true' : 'false';
    case 'null':
      return 'null';
    default:
      throw new TreeSyntaxError(offset, `a dict key that is a ${key.kind === 'array' ? 'tuple' : 'dict'} has no JSON form`);
  }
}
