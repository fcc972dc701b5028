/** How a file is to be read, or why it is skipped, decided from its name alone. */
export type NameClass =
  | { readonly read: 'lines' | 'json' | 'sniff'; readonly gzip: boolean }
  | { readonly skip: string };

const ROTATED = /\.(jsonl|ndjson|log|json)(\.\d+)?(\.gz)?$/i;

/**
 * Telemetry lives in `.jsonl`, `.json`, and `.log`/`.ndjson` files holding JSON lines,
 * possibly rotated (`x.jsonl.1`) or compressed (`x.jsonl.2.gz`); everything else is
 * listed as skipped. `.log`/`.ndjson` are confirmed by their content (`sniff`).
 */
export function classifyByName(name: string): NameClass {
  const match = ROTATED.exec(name);
  if (!match) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 ? name.slice(dot) : '';
    return { skip: ext ? `not a telemetry file type (${ext})` : 'not a telemetry file type (no extension)' };
  }
  const ext = (match[1] as string).toLowerCase();
  const rotated = match[2] !== undefined;
  const gzip = match[3] !== undefined;
  if (ext === 'jsonl') return { read: 'lines', gzip };
  if (ext === 'json') return { read: rotated || gzip ? 'lines' : 'json', gzip };
  return { read: 'sniff', gzip };
}

/**
 * Decides from the first bytes whether a `.log`/`.ndjson` file holds JSON lines:
 * its first non-blank line must start with `{`. Returns the skip reason otherwise.
 */
export function sniffJsonLines(head: Buffer, complete: boolean): string | null {
  const text = head.toString('utf8').replace(/^\ufeff/, '');
  const firstLine = text.split('\n').find((line) => line.trim().length > 0);
  if (firstLine === undefined) return complete ? 'empty file' : null;
  return firstLine.trimStart().startsWith('{') ? null : 'plain text, not JSON lines';
}
