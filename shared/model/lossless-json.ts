import { JSON_NULL, MAX_TREE_DEPTH, jsonBool, jsonString, treeParse, type JsonMember, type JsonNumber, type JsonTree, type TreeParseResult } from './json-tree';
import { TreeParser } from './tree-parser';

/** Options of parseLosslessJson. */
export interface LosslessJsonOptions {
  /** Where the JSON starts in `text` (e.g. a log line's payload offset); it runs to the end. Error offsets stay relative to `text`. */
  readonly start?: number;
  /** Containers nested deeper than this are refused (default MAX_TREE_DEPTH). */
  readonly maxDepth?: number;
}

/**
 * Parses JSON text the way Python's json.loads reads it, keeping each number's
 * lexeme (see JsonTree): so a hash the producer computed over the values it
 * wrote can be recomputed from the file exactly, `1.0` and integers beyond 2^53
 * included. Accepts Python's bare `NaN`, `Infinity`, `-Infinity`; refuses raw
 * control characters in strings (json.loads' strict mode), trailing data and
 * nesting beyond `maxDepth`. Never throws for bad input: the result names the
 * offset (UTF-16 index into `text`) and the reason.
 */
export function parseLosslessJson(text: string, options: LosslessJsonOptions = {}): TreeParseResult {
  const parser = new LosslessJsonParser(text, options.start ?? 0, options.maxDepth ?? MAX_TREE_DEPTH);
  return treeParse(() => parser.parseDocument());
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class LosslessJsonParser extends TreeParser {
  protected override trailingDataMessage(): string {
    return 'extra data after the JSON value';
  }

  protected override parseValue(depth: number): JsonTree {
    const code = this.text.charCodeAt(this.position);
    if (code === OPEN_BRACE) return this.parseObject(depth + 1);
    if (code === OPEN_BRACKET) return this.parseArray(depth + 1);
    if (code === QUOTE) return jsonString(this.parseString());
    if (code === MINUS || (code >= ZERO && code <= NINE)) return this.parseNumber();
    if (this.consumeWord('null')) return JSON_NULL;
    if (this.consumeWord('true')) return jsonBool(true);
    if (this.consumeWord('false')) return jsonBool(false);
    if (this.consumeWord('NaN')) return { kind: 'number', text: 'NaN', integer: false };
    if (this.consumeWord('Infinity')) return { kind: 'number', text: 'Infinity', integer: false };
    if (Number.isNaN(code)) this.fail('unexpected end of input, expected a value');
    return this.fail('expected a value');
  }

  private parseObject(depth: number): JsonTree {
    if (depth > this.maxDepth) this.fail(`nested deeper than ${this.maxDepth}`);
    this.position++;
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) === CLOSE_BRACE) {
      this.position++;
      return { kind: 'object', members };
    }
    for (;;) {
      if (this.text.charCodeAt(this.position) !== QUOTE) this.fail('expected a double-quoted property name');
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== COLON) this.fail("expected ':' after the property name");
      this.position++;
      this.skipWhitespace();
      members.push({ key, value: this.parseValue(depth) });
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.position);
      this.position++;
      if (next === CLOSE_BRACE) return { kind: 'object', members };
      if (next !== COMMA) this.fail("expected ',' or '}' after an object member", this.position - 1);
      this.skipWhitespace();
    }
  }

  private parseArray(depth: number): JsonTree {
    if (depth > this.maxDepth) this.fail(`nested deeper than ${this.maxDepth}`);
    this.position++;
    const items: JsonTree[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) === CLOSE_BRACKET) {
      this.position++;
      return { kind: 'array', items };
    }
    for (;;) {
      items.push(this.parseValue(depth));
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.position);
      this.position++;
      if (next === CLOSE_BRACKET) return { kind: 'array', items };
      if (next !== COMMA) this.fail("expected ',' or ']' after an array item", this.position - 1);
      this.skipWhitespace();
    }
  }

  /** JSON's number grammar, plus `-Infinity`; the lexeme is kept verbatim. */
  private parseNumber(): JsonNumber {
    const { text } = this;
    const start = this.position;
    let position = start;
    if (text.charCodeAt(position) === MINUS) {
      position++;
      if (text.startsWith('Infinity', position)) {
        this.position = position + 8;
        return { kind: 'number', text: '-Infinity', integer: false };
      }
    }
    const first = text.charCodeAt(position);
    if (first === ZERO) position++;
    else if (first > ZERO && first <= NINE) position = this.skipDigits(position);
    else this.fail('expected a digit', position);
    let integer = true;
    if (text.charCodeAt(position) === DOT) {
      integer = false;
      const fractionStart = position + 1;
      position = this.skipDigits(fractionStart);
      if (position === fractionStart) this.fail("expected a digit after '.'", position);
    }
    const mark = text.charCodeAt(position);
    if (mark === LOWER_E || mark === UPPER_E) {
      integer = false;
      position++;
      const sign = text.charCodeAt(position);
      if (sign === PLUS || sign === MINUS) position++;
      const exponentStart = position;
      position = this.skipDigits(exponentStart);
      if (position === exponentStart) this.fail('expected a digit in the exponent', position);
    }
    this.position = position;
    return { kind: 'number', text: text.slice(start, position), integer };
  }

  private skipDigits(from: number): number {
    let position = from;
    for (;;) {
      const code = this.text.charCodeAt(position);
      if (code < ZERO || code > NINE || Number.isNaN(code)) return position;
      position++;
    }
  }

  /** A double-quoted string at the current position; slices runs without escapes rather than building char by char. */
  private parseString(): string {
    const { text } = this;
    const start = this.position;
    let position = start + 1;
    let runStart = position;
    let decoded = '';
    for (;;) {
      const code = text.charCodeAt(position);
      if (Number.isNaN(code)) this.fail('unterminated string', start);
      if (code === QUOTE) {
        this.position = position + 1;
        return decoded + text.slice(runStart, position);
      }
      if (code < 0x20) this.fail('raw control character in a string (must be escaped)', position);
      if (code !== BACKSLASH) {
        position++;
        continue;
      }
      decoded += text.slice(runStart, position);
      const escape = text.charAt(position + 1);
      const short = SHORT_ESCAPES[escape];
      if (short !== undefined) {
        decoded += short;
        position += 2;
      } else if (escape === 'u') {
        const hex = text.slice(position + 2, position + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('\\u must be followed by four hex digits', position);
        // Lone surrogates are kept as they are, as Python's json does; a pair is two code units either way.
        decoded += String.fromCharCode(Number.parseInt(hex, 16));
        position += 6;
      } else {
        this.fail(escape === '' ? 'unterminated string' : `invalid escape \\${escape}`, position);
      }
      runStart = position;
    }
  }

  private consumeWord(word: string): boolean {
    if (!this.text.startsWith(word, this.position)) return false;
    this.position += word.length;
    return true;
  }

  protected override skipWhitespace(): void {
    const { text } = this;
    let position = this.position;
    for (;;) {
      const code = text.charCodeAt(position);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
      position++;
    }
    this.position = position;
  }

}
