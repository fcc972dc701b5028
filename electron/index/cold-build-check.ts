import type Database from 'better-sqlite3';
import { recreateDeferredIndexes, settleColdBuild } from './cold-build';

/** At most this many of quick_check's findings are quoted: one is enough to rebuild. */
const QUICK_CHECK_FINDINGS = 3;

/**
 * Checks an index found with the cold-build marker and, when it passes, completes
 * the build (its indexes created, everything synced, the marker cleared) so the
 * scan resumes from the committed offsets. Returns why it failed, or null.
 *
 * A first index is loaded with synchronous writes off: a crash or power loss then
 * may leave pages that never reached the disk, or reached it out of order, behind
 * a file SQLite opens without complaint. So it is never trusted silently: its
 * b-trees (quick_check), its full-text index (FTS5 integrity-check) and its
 * events against their sources' committed offsets are checked, at about 1.7 s per
 * 500k events; an index that fails any of them is rebuilt from the folder, the
 * evidence, which is never at risk.
 */
export function resumeInterruptedColdBuild(db: Database.Database): string | null {
  const failure = checkInterruptedColdBuild(db);
  if (failure !== null) return failure;
  recreateDeferredIndexes(db);
  settleColdBuild(db);
  return null;
}

/** The first reason the index cannot be trusted, or null when every check passes. */
export function checkInterruptedColdBuild(db: Database.Database): string | null {
  return guarded('pages', () => quickCheck(db)) ?? guarded('full text', () => fullTextCheck(db)) ?? guarded('offsets', () => offsetsCheck(db));
}

/**
 * SQLite's check of every b-tree page (structure, free list, record format):
 * integrity_check without comparing each index with its table, which the
 * indexes the load dropped do not need and the ones it kept are small.
 */
function quickCheck(db: Database.Database): string | null {
  const findings = (db.pragma(`quick_check(${QUICK_CHECK_FINDINGS})`) as { quick_check: string }[]).map((row) => row.quick_check);
  return findings.length === 1 && findings[0] === 'ok' ? null : `quick_check: ${findings.join('; ')}`;
}

/**
 * FTS5's integrity-check. On a contentless table (`content=''`, ours) it cannot
 * compare the index with the text indexed, which it does not keep: it walks every
 * segment and checks that their b-trees, term order, doclists and doclist indexes
 * agree with each other, which is what a torn or lost page breaks. It throws
 * (SQLITE_CORRUPT_VTAB) on the first inconsistency.
 */
function fullTextCheck(db: Database.Database): string | null {
  db.prepare("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')").run();
  return null;
}

/** What one pass over a source's events found. */
interface SourceTally {
  events: number;
  lastLine: number;
  lastPart: number;
}

/**
 * Events against their sources, the resume's own invariants: every event belongs
 * to a source and lies within the bytes and lines its source has committed (no
 * event past the offset a resume starts from, which would be read twice), each
 * source counts exactly the events it holds, its events' ids follow its lines, and
 * each event's raw text is in a block of its own source. One pass in id order,
 * the table's own order, so nothing sorts.
 */
function offsetsCheck(db: Database.Database): string | null {
  const sources = new Map(
    (db.prepare('SELECT id, path, offset, line, event_count FROM sources').all() as { id: number; path: string; offset: number; line: number; event_count: number }[]).map((row) => [row.id, row]),
  );
  const blockSources = new Map(db.prepare('SELECT id, source_id FROM raw_blocks').raw().all() as [number, number][]);
  const tallies = new Map<number, SourceTally>();
  const events = db.prepare('SELECT id, source_id, line, part, byte_offset + byte_length, raw_block FROM events ORDER BY id').raw();
  for (const [id, sourceId, line, part, end, block] of events.iterate() as IterableIterator<[number, number, number, number, number, number]>) {
    const source = sources.get(sourceId);
    if (source === undefined) return `event ${id} names source ${sourceId}, which the index does not hold`;
    let tally = tallies.get(sourceId);
    if (tally === undefined) tallies.set(sourceId, (tally = { events: 0, lastLine: -1, lastPart: -1 }));
    if (line < tally.lastLine || (line === tally.lastLine && part <= tally.lastPart)) return `event ${id} of ${source.path} (line ${line}) follows line ${tally.lastLine} out of order`;
    if (line > source.line || end > source.offset) return `event ${id} of ${source.path} lies past its committed line ${source.line} / offset ${source.offset}`;
    if (blockSources.get(block) !== sourceId) return `event ${id} of ${source.path} points at raw block ${block}, not one of its source`;
    tally.events++;
    tally.lastLine = line;
    tally.lastPart = part;
  }
  for (const source of sources.values()) {
    const held = tallies.get(source.id)?.events ?? 0;
    if (held !== source.event_count) return `${source.path} holds ${held} events but committed ${source.event_count}`;
  }
  return null;
}

/** Runs one check; a check that cannot even read the index has failed it too. */
function guarded(name: string, check: () => string | null): string | null {
  try {
    return check();
  } catch (error) {
    return `${name}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
