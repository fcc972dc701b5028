import type Database from 'better-sqlite3';
import { recreateDeferredIndexes, settleColdBuild } from './cold-build';
import { TEXT_THROUGH_SQL } from './queries/enrichment-state';

/** At most this many of quick_check's findings are quoted: one is enough to rebuild. */
const QUICK_CHECK_FINDINGS = 3;

/**
 * Checks an index found with the cold-build marker and, when it passes, completes
 * the build (its indexes created, everything synced, the marker cleared) so the
 * scan resumes from the committed offsets. Returns why it failed, or null.
 *
 * A first index is loaded without most of its indexes, its commits unsynced and
 * its log checkpointed seldom: a crash or power loss leaves it as an earlier
 * commit left it, as far as SQLite can tell, but a disk that reorders or drops
 * writes can leave pages behind a file SQLite opens without complaint. So it is
 * never trusted silently: its b-trees (quick_check), its full-text index (FTS5
 * integrity-check) and its events against their sources' committed offsets are
 * checked, at about 1.7 s per 500k events; an index that fails any of them is
 * rebuilt from the folder, the evidence, which is never at risk.
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
 * SQLite's check of every b-tree page (structure, free list, record format, each
 * index's entry count): integrity_check without comparing every index entry with
 * its row. Since SQLite 3.44 it also runs each virtual table's own check, so the
 * full-text index's comes with it.
 */
function quickCheck(db: Database.Database): string | null {
  const findings = (db.pragma(`quick_check(${QUICK_CHECK_FINDINGS})`) as { quick_check: string }[]).map((row) => row.quick_check);
  return findings.length === 1 && findings[0] === 'ok' ? null : findings.join('; ');
}

/**
 * The full-text index against the events. FTS5's integrity-check on a contentless
 * table (`content=''`, ours) cannot compare the index with the text indexed, which
 * it does not keep: it walks every segment and checks that their b-trees, term
 * order, doclists and doclist indexes agree with each other, which is what a torn
 * or lost page breaks (it throws SQLITE_CORRUPT_VTAB). quick_check has already run
 * it where SQLite is recent enough. What it cannot see, a full-text index that
 * lost or kept rows, shows in its count of rows, one per run (full-text-runs.ts):
 * its docsize table has a row for each row it holds (with contentless_delete,
 * FTS5's "averages" total is not lowered when a row is deleted, so it cannot
 * serve). And the runs must hold every event up to the
 * full-text mark (index-enrichment.ts; a scan leaves the full text of later ones
 * to the enrichment) exactly once, each in a run of its own source, since a
 * search reads a run's events by its id range.
 */
function fullTextCheck(db: Database.Database): string | null {
  if (!quickCheckRunsVirtualTables(db)) db.prepare("INSERT INTO text_runs_fts (text_runs_fts) VALUES ('integrity-check')").run();
  const indexed = db.prepare('SELECT count(*) FROM text_runs_fts_docsize').pluck().get() as number;
  const runs = db.prepare('SELECT count(*) FROM text_runs').pluck().get() as number;
  if (indexed !== runs) return `the full-text index holds ${indexed} rows for ${runs} runs of events`;
  const events = db.prepare(`SELECT count(*) FROM events WHERE id <= ${TEXT_THROUGH_SQL}`).pluck().get() as number;
  const held = db
    .prepare(
      `SELECT count(*) AS events, count(*) FILTER (WHERE e.source_id <> r.source_id) AS strays, max(r.last_id) > ${TEXT_THROUGH_SQL} AS past
       FROM text_runs r JOIN events e ON e.id BETWEEN r.first_id AND r.last_id`,
    )
    .get() as { events: number; strays: number; past: number | null };
  if (held.strays > 0) return `${held.strays} events lie in a full-text run of another source`;
  if (held.past === 1) return 'a full-text run holds events past the full-text mark';
  return held.events === events ? null : `the full-text runs hold ${held.events} events for ${events} events given their full text`;
}

/** quick_check runs virtual tables' xIntegrity from SQLite 3.44.0 on. */
function quickCheckRunsVirtualTables(db: Database.Database): boolean {
  const [major = 0, minor = 0] = (db.prepare('SELECT sqlite_version()').pluck().get() as string).split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 44);
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

/** Runs one check, its finding named for it; a check that cannot even read the index has failed it too. */
function guarded(name: string, check: () => string | null): string | null {
  let finding: string | null;
  try {
    finding = check();
  } catch (error) {
    finding = error instanceof Error ? error.message : String(error);
  }
  return finding === null ? null : `${name}: ${finding}`;
}
