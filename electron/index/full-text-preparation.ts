import type Database from 'better-sqlite3';
import { RawTexts } from './raw-texts';
import { searchTextOf, sourcePathsOf, type SearchTextReaders } from './stored-search-text';

/** What the enrichment's full-text pass reads of an event (index-enrichment.ts): no path, which few events need (sourcePathsOf). */
export const TEXT_EVENT_SQL = 'SELECT id, source_id, family, part, raw_block, raw_at, raw_len FROM events';

/** The path of a source, for the events of a text step that are normalized again. */
export const SOURCE_PATH_SQL = 'SELECT path FROM sources WHERE id = ?';

/** An event as the full-text pass reads it (TEXT_EVENT_SQL). */
export interface TextEvent {
  readonly id: number;
  readonly source_id: number;
  readonly family: string;
  readonly part: number;
  readonly raw_block: number | null;
  readonly raw_at: number;
  readonly raw_len: number;
}

/** Numbers per event in PreparedTexts.places: id, source id, raw block (-1 for none), raw offset, raw length. */
const PLACE_NUMBERS = 5;

/** A text's length in PreparedTexts.lengths when the event has none (its raw text is gone, or no longer an event). */
const NO_TEXT = -1;
/** A text's length in PreparedTexts.lengths when it was left to the writer (UNPREPARED_RAW_BYTES, PREPARED_BYTES). */
const LEFT_TO_WRITER = -2;

/**
 * Events with a raw text longer than a line may be (a JSON document's) are left
 * to the writer: a document of up to 64 MiB parsed would outgrow the preparing
 * thread's heap, which is kept small (full-text-worker.ts). An OTLP line of a
 * thousand spans is well under it.
 */
const UNPREPARED_RAW_BYTES = 1 << 20;
/** Bytes of text a step prepares at most; the events past them are left to the writer. */
const PREPARED_BYTES = 8 << 20;

/**
 * One step's search texts, derived on another thread, in a shape that crosses
 * threads as three buffers. Objects or a string per event would each arrive as
 * garbage on the writer's thread, and so would one string of them all: large
 * strings go straight to V8's old generation, and the writer's heap grew by
 * 25 MB over 200 steps until a full collection (the peak RSS past 300 MB).
 * The writer decodes each text when it writes it, a string short-lived enough
 * to die young.
 */
export interface PreparedTexts {
  /** PLACE_NUMBERS per event, in id order: where its text was read from. */
  readonly places: Float64Array;
  /** Per event, its text's length in `texts`, in bytes (NO_TEXT: it has none; LEFT_TO_WRITER: not prepared). */
  readonly lengths: Int32Array;
  /** The texts, one after another, in UTF-8. */
  readonly texts: Uint8Array;
}

/**
 * Derives, on another thread and its own read-only connection, the search
 * texts of the full-text pass's next steps: reading raw blocks and deriving
 * texts is most of that pass's time, and the second core idles once the scan
 * is done. It reads the events itself, so the writer sends only where to start.
 */
export class FullTextPreparation {
  private readonly statements;
  /** The last event id of the step prepared before: where the next one continues. */
  private lastId = 0;

  constructor(
    db: Database.Database,
    private readonly readers: SearchTextReaders,
  ) {
    this.statements = {
      eventsAfter: db.prepare(`${TEXT_EVENT_SQL} WHERE id > ? ORDER BY id LIMIT ?`),
      block: db.prepare('SELECT data FROM raw_blocks WHERE id = ?').pluck(),
      path: db.prepare(SOURCE_PATH_SQL).pluck(),
    };
  }

  /** The texts of the `limit` events after `afterId` (after the step prepared before when null). */
  next(afterId: number | null, limit: number): PreparedTexts {
    const rows = this.statements.eventsAfter.all(afterId ?? this.lastId, limit) as TextEvent[];
    this.lastId = rows[rows.length - 1]?.id ?? afterId ?? this.lastId;
    const raw = new RawTexts(this.statements.block);
    const pathOf = sourcePathsOf(this.statements.path);
    const places = new Float64Array(rows.length * PLACE_NUMBERS);
    const lengths = new Int32Array(rows.length);
    let texts = Buffer.allocUnsafe(64 << 10);
    let bytes = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as TextEvent;
      const at = i * PLACE_NUMBERS;
      places[at] = row.id;
      places[at + 1] = row.source_id;
      places[at + 2] = row.raw_block ?? -1;
      places[at + 3] = row.raw_at;
      places[at + 4] = row.raw_len;
      if (row.raw_len > UNPREPARED_RAW_BYTES || bytes > PREPARED_BYTES) {
        lengths[i] = LEFT_TO_WRITER;
        continue;
      }
      const text = searchTextOf(row, raw, this.readers, pathOf);
      if (text === null) {
        lengths[i] = NO_TEXT;
        continue;
      }
      // Three bytes a UTF-16 unit at most.
      if (texts.length - bytes < text.length * 3) {
        const grown = Buffer.allocUnsafe(Math.max(texts.length * 2, bytes + text.length * 3));
        texts.copy(grown, 0, 0, bytes);
        texts = grown;
      }
      const written = texts.write(text, bytes, 'utf8');
      lengths[i] = written;
      bytes += written;
    }
    // A copy of its own size: a message copies a view's whole buffer.
    return { places, lengths, texts: new Uint8Array(texts.subarray(0, bytes)) };
  }
}

/**
 * A prepared step as the writer uses it. A text is used only while its event
 * is stored exactly where it was read from (same source, same raw bytes): a
 * scan in between may have taken events back. Any other event the writer
 * derives itself, so a stale answer costs time, never a wrong row. (A search
 * text does not depend on a producer zone, so a zone changed since does not matter.)
 */
export class PreparedTextsLookup {
  private readonly byId = new Map<number, number>();
  private readonly starts: Int32Array;
  private readonly texts: Buffer;

  constructor(private readonly step: PreparedTexts) {
    const count = step.lengths.length;
    if (step.places.length !== count * PLACE_NUMBERS) throw new Error(`${step.places.length} place numbers for ${count} prepared texts`);
    this.starts = new Int32Array(count);
    let at = 0;
    for (let i = 0; i < count; i++) {
      this.starts[i] = at;
      at += Math.max(0, step.lengths[i] as number);
      this.byId.set(step.places[i * PLACE_NUMBERS] as number, i);
    }
    if (at !== step.texts.byteLength) throw new Error(`prepared texts of ${at} bytes in all, given ${step.texts.byteLength}`);
    this.texts = Buffer.from(step.texts.buffer, step.texts.byteOffset, step.texts.byteLength);
  }

  /** The prepared text of this stored event (null: it has none); undefined when none was prepared for it as it is stored now. */
  of(row: TextEvent): string | null | undefined {
    const i = this.byId.get(row.id);
    if (i === undefined) return undefined;
    const place = i * PLACE_NUMBERS;
    const places = this.step.places;
    const same = places[place + 1] === row.source_id && places[place + 2] === (row.raw_block ?? -1) && places[place + 3] === row.raw_at && places[place + 4] === row.raw_len;
    if (!same) return undefined;
    const length = this.step.lengths[i] as number;
    if (length === LEFT_TO_WRITER) return undefined;
    if (length === NO_TEXT) return null;
    const start = this.starts[i] as number;
    return this.texts.toString('utf8', start, start + length);
  }
}
