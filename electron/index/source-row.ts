/**
 * How a source is read: JSON lines, one JSON document, gzip JSON lines, one gzip
 * JSON document, plain-text lines (producers.md "Text logs"), gzip plain text,
 * or not at all. `json` and `gzip-json` are decided on read: one document, or
 * JSON lines (the kind then becomes `lines` or `gzip`).
 */
export type SourceKind = 'lines' | 'json' | 'gzip' | 'gzip-json' | 'text' | 'gzip-text' | 'skipped';

/** True for a source read through gzip (JSON lines, a JSON document or plain text). */
export function isGzipKind(kind: SourceKind): boolean {
  return kind === 'gzip' || kind === 'gzip-json' || kind === 'gzip-text';
}

/** True for a plain-text log, compressed or not. */
export function isTextKind(kind: SourceKind): boolean {
  return kind === 'text' || kind === 'gzip-text';
}

/** What a source is now: read, vanished (events kept), not telemetry, or unreadable. */
export type SourceState = 'active' | 'gone' | 'skipped' | 'error';

/** A row of the `sources` table. */
export interface SourceRow {
  readonly id: number;
  readonly path: string;
  readonly dir: string;
  readonly kind: SourceKind;
  readonly state: SourceState;
  readonly reason: string | null;
  readonly identity: string | null;
  readonly size: number;
  readonly mtime_ms: number;
  readonly head_hash: string | null;
  readonly head_len: number;
  readonly offset: number;
  readonly line: number;
  readonly pending_bytes: number;
  readonly carry: string | null;
  readonly event_count: number;
  readonly family: string | null;
  readonly updated_ms: number;
  /** The producer zone its times without zone were read in (null: UTC); absent before the row is first stored. */
  readonly time_zone?: string | null;
}

/** The path a source had before it was marked moving or gone. */
export function originalPath(path: string): string {
  return path.replace(/ \((?:moving|gone) #\d+\)$/, '');
}
