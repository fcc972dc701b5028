/** How a file is to be read, or why it is skipped, decided from its name alone. */
export type NameClass =
  | { readonly read: 'lines' | 'json' | 'sniff'; readonly gzip: boolean }
  | { readonly skip: string };

const ROTATED = /\.(jsonl|ndjson|log|json|txt|out|err)(\.\d+)?(\.gz)?$/i;

/**
 * Telemetry lives in `.jsonl`, `.json`, and `.log`/`.ndjson` files holding JSON lines,
 * possibly rotated (`x.jsonl.1`, `x.json.1`) or compressed (`x.jsonl.2.gz`, `x.json.gz`); incident folders
 * also hold plain-text logs (`.log`, `.txt`, captured `.out`/`.err`). Everything
 * else is listed as skipped. `.log`/`.ndjson`/`.txt`/`.out`/`.err` are decided by
 * their content (`sniff`).
 */
export function classifyByName(name: string): NameClass {
  const match = ROTATED.exec(name);
  if (!match) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 ? name.slice(dot) : '';
    return { skip: ext ? `not a telemetry file type (${ext})` : 'not a telemetry file type (no extension)' };
  }
  const ext = (match[1] as string).toLowerCase();
  const gzip = match[3] !== undefined;
  if (ext === 'jsonl') return { read: 'lines', gzip };
  // A rotated or compressed `.json` is told on read like a plain one: one document, or JSON lines.
  if (ext === 'json') return { read: 'json', gzip };
  return { read: 'sniff', gzip };
}

/**
 * A telemetry file's name as rotated: the name it was rotated from and how many
 * rotations ago (`x.jsonl.2.gz`: `x.jsonl`, 2; `x.jsonl` and `x.jsonl.gz`: 0);
 * null for a name that is no telemetry file's.
 */
export function rotatedName(name: string): { readonly base: string; readonly generation: number } | null {
  const match = ROTATED.exec(name);
  if (match === null) return null;
  return { base: `${name.slice(0, match.index)}.${match[1] as string}`, generation: match[2] === undefined ? 0 : Number(match[2].slice(1)) };
}

/** What a sniffed file holds: JSON lines, plain text, or something to skip (with why). */
export type SniffedContent = 'lines' | 'text' | { readonly skip: string };

/** Control characters other than tab, newline, vertical tab, form feed, carriage return and escape (ANSI colours) mark a binary file. */
function hasBinaryControl(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && (code < 0x09 || code > 0x0d) && code !== 0x1b) return true;
  }
  return false;
}

/**
 * Decides from the first bytes how a `.log`-like file is read: JSON lines when its
 * first non-blank line starts with `{`, plain text when its head is text, skipped
 * when it is empty or binary (NUL or other control bytes, bytes that are not UTF-8).
 */
export function sniffContent(head: Buffer, complete: boolean): SniffedContent {
  // A multi-byte character cut at the end of the head is not a reason to call the file binary.
  const whole = complete ? head : head.subarray(0, Math.max(0, head.length - 3));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(whole).replace(/^\ufeff/, '');
  } catch {
    return { skip: 'binary, not text (not UTF-8)' };
  }
  if (hasBinaryControl(text)) return { skip: 'binary, not text (control bytes)' };
  const firstLine = text.split('\n').find((line) => line.trim().length > 0);
  if (firstLine === undefined) return complete ? { skip: 'empty file' } : 'lines';
  return firstLine.trimStart().startsWith('{') ? 'lines' : 'text';
}
