import { formatFieldPath } from '../../shared/model/field-path';

/** A run of a line's text: as written, or a value to keep masked until the reviewer reveals it. */
export interface TextPart {
  readonly text: string;
  readonly masked: boolean;
}

/** Problems that stand for many values without naming them: everything under the path they name is masked. */
const UNNAMED_VALUES = /^\d+ more (?:values under (.+) look like secrets|fields listed in redacted_fields are not redacted)$/;

type Frame = { readonly kind: 'object'; key: string | null; expectKey: boolean } | { readonly kind: 'array'; index: number };

/**
 * Splits a JSON line (or its start, as a list previews it, cut anywhere) into
 * runs, marking the values that flag messages name (`payload.password looks
 * like …`: the ingest's messages begin with the formatted field path). A
 * value is masked when its path, or a path it is under, is named, so a key
 * block nested in a named field is masked too. Text that stops reading as JSON
 * while flags are pending is masked from there on: a secret is never shown
 * because the line was odd.
 */
export function maskFlaggedValues(text: string, messages: readonly string[]): readonly TextPart[] {
  if (messages.length === 0) return text === '' ? [] : [{ text, masked: false }];
  const under = messages.map((message) => UNNAMED_VALUES.exec(message)).filter((match) => match !== null).map((match) => match[1] ?? 'payload');
  const named = messages.filter((message) => !UNNAMED_VALUES.test(message));
  const flagged = (path: readonly PropertyKey[]): boolean => {
    for (let length = 1; length <= path.length; length += 1) {
      const formatted = formatFieldPath(path.slice(0, length));
      if (under.includes(formatted)) return true;
      if (named.some((message) => message.startsWith(formatted) && message.charAt(formatted.length) === ' ')) return true;
    }
    return false;
  };
  const parts: TextPart[] = [];
  const push = (part: string, masked: boolean): void => {
    if (part === '') return;
    const last = parts.at(-1);
    if (last !== undefined && last.masked === masked) parts[parts.length - 1] = { text: last.text + part, masked };
    else parts.push({ text: part, masked });
  };
  const stack: Frame[] = [];
  const pathHere = (): PropertyKey[] => stack.map((frame) => (frame.kind === 'object' ? (frame.key ?? '') : frame.index));
  let at = 0;
  while (at < text.length) {
    const char = text.charAt(at);
    const top = stack.at(-1);
    if (/\s/.test(char)) {
      push(char, false);
      at += 1;
    } else if (char === '{' || char === '[') {
      stack.push(char === '{' ? { kind: 'object', key: null, expectKey: true } : { kind: 'array', index: 0 });
      push(char, false);
      at += 1;
    } else if (char === '}' || char === ']') {
      stack.pop();
      push(char, false);
      at += 1;
    } else if (char === ',' && top !== undefined) {
      if (top.kind === 'object') top.expectKey = true;
      else top.index += 1;
      push(char, false);
      at += 1;
    } else if (char === ':' && top?.kind === 'object') {
      top.expectKey = false;
      push(char, false);
      at += 1;
    } else if (char === '"') {
      const end = stringEnd(text, at);
      const token = text.slice(at, end);
      if (top?.kind === 'object' && top.expectKey) {
        top.key = keyOf(token);
        push(token, false);
      } else {
        push(token, flagged(pathHere()));
      }
      at = end;
    } else if (/[-0-9tfn]/.test(char) && top !== undefined && !(top.kind === 'object' && top.expectKey)) {
      const end = scalarEnd(text, at);
      push(text.slice(at, end), flagged(pathHere()));
      at = end;
    } else {
      // Not JSON from here on: mask the rest rather than guess where a secret ends.
      push(text.slice(at), true);
      break;
    }
  }
  return parts;
}

/** The text a masked run shows instead of its value. */
export const MASK = '••••••••';

/** Where the JSON string starting at `start` (a quote) ends: after its closing quote, or at the end of a cut text. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length) {
    const char = text.charAt(at);
    if (char === '\\') at += 2;
    else if (char === '"') return at + 1;
    else at += 1;
  }
  return text.length;
}

/** Where a number, true, false or null starting at `start` ends. */
function scalarEnd(text: string, start: number): number {
  let at = start;
  while (at < text.length && !/[\s,}\]]/.test(text.charAt(at))) at += 1;
  return at;
}

/** The key a string token names (a cut one: what is there of it). */
function keyOf(token: string): string {
  try {
    return JSON.parse(token) as string;
  } catch {
    return token.slice(1);
  }
}
