import type Database from 'better-sqlite3';
import type { ExecutionFamily } from '../../../shared/model/family';
import { formatExecutionId } from '../../../shared/model/execution-id';
import { rawTextSql } from '../raw-blocks';
import { BARE_EVENT_COLUMNS, toBareEvent, type BareEvent, type StoredBareEvent } from './bare-event';
import { EnrichmentState } from './enrichment-state';
import { originalPath } from '../source-row';

/** One event of a run as a comparison needs it: no raw text, so a run of 60,000 events reads in milliseconds. */
export type RunEvent = BareEvent;

/** One raw line, as the evidence of a divergence shows it. */
export interface EvidenceRow {
  readonly eventId: number;
  readonly path: string;
  readonly line: number;
  readonly raw: string;
}

/** An execution of a baseline's scope and what changes when its events do. */
export interface ScopeMember {
  readonly rowId: number;
  readonly id: string;
  /** Changes whenever the execution's events, problems, status or times do, so a verdict cached under it stays true while it is equal. */
  readonly fingerprint: string;
}

/** Which executions a baseline stands for, as SQL can select them. */
export interface ScopeSelector {
  readonly family: ExecutionFamily;
  /** `plan_id`, `label`, `actor`: equal to `value`; `run_name`: a key that is `value` or ends in `/value`; `family`: all of it. */
  readonly field: 'plan_id' | 'label' | 'actor' | 'run_name' | 'family';
  readonly value: string;
}

/** Evidence lines are cut here: a record document can be megabytes, and the screen shows its start. */
const EVIDENCE_BYTES = 4096;

const FINGERPRINT = "x.event_count || ':' || x.problem_count || ':' || x.failure_count || ':' || ifnull(x.status, '') || ':' || ifnull(x.first_ts, '') || ':' || ifnull(x.last_ts, '')";

/**
 * What comparing executions reads beyond an execution's assembled detail: all
 * of a run's events without their text, a few raw lines as evidence, and the
 * executions of a baseline's scope with a fingerprint of each.
 */
export class ComparisonFacts {
  private readonly statements;
  private readonly enrichment: EnrichmentState;

  constructor(private readonly db: Database.Database) {
    this.enrichment = new EnrichmentState(db);
    this.statements = {
      runEvents: db.prepare(`SELECT ${BARE_EVENT_COLUMNS} FROM events WHERE execution_id = ? ORDER BY ts, id LIMIT ?`),
      lastEvent: db.prepare(`SELECT ${BARE_EVENT_COLUMNS} FROM events WHERE execution_id = ? ORDER BY ts DESC, id DESC LIMIT 1`),
      evidence: db.prepare(`SELECT e.id, s.path, e.line, ${rawTextSql('e', EVIDENCE_BYTES)} AS raw FROM events e JOIN sources s ON s.id = e.source_id WHERE e.id = ?`),
      fingerprint: db.prepare(`SELECT ${FINGERPRINT} AS fingerprint FROM executions x WHERE x.id = ?`).pluck(),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
    };
  }

  /** The first `limit` events of an execution in time order (ties by id). */
  runEvents(executionRowId: number, limit: number): RunEvent[] {
    return (this.statements.runEvents.all(executionRowId, limit) as StoredBareEvent[]).map(toBareEvent);
  }

  /** The first and the last event of an execution in time order (one when it has one): where its snapshots' evidence is. */
  edgeEvents(executionRowId: number): RunEvent[] {
    const first = this.statements.runEvents.get(executionRowId, 1) as StoredBareEvent | undefined;
    const last = this.statements.lastEvent.get(executionRowId) as StoredBareEvent | undefined;
    return [first, last].filter((row, index): row is StoredBareEvent => row !== undefined && (index === 0 || row.id !== first?.id)).map(toBareEvent);
  }

  /** The raw lines of these events (their first 4 KiB), in the order given; ids not in the index are left out. */
  evidence(eventIds: readonly number[]): EvidenceRow[] {
    const found: EvidenceRow[] = [];
    for (const eventId of eventIds) {
      const row = this.statements.evidence.get(eventId) as { id: number; path: string; line: number; raw: string } | undefined;
      if (row !== undefined) found.push({ eventId: row.id, path: originalPath(row.path), line: row.line, raw: row.raw });
    }
    return found;
  }

  /** The fingerprint of one execution now, or null when it is gone from the index. */
  fingerprint(executionRowId: number): string | null {
    return (this.statements.fingerprint.get(executionRowId) as string | undefined) ?? null;
  }

  /** Every execution a scope selects, with its fingerprint, in row order. */
  scopeMembers(selector: ScopeSelector): ScopeMember[] {
    const sql = `SELECT x.id, x.family, x.key, ${FINGERPRINT} AS fingerprint FROM executions x WHERE x.family = ? ${scopeCondition(selector.field)} ORDER BY x.id`;
    const params = selector.field === 'family' ? [selector.family] : selector.field === 'run_name' ? [selector.family, selector.value, `%/${selector.value.replace(/[\\%_]/g, '\\$&')}`] : [selector.family, selector.value];
    const rows = this.db.prepare(sql).all(...params) as { id: number; family: ExecutionFamily; key: string; fingerprint: string }[];
    return rows.map((row) => ({ rowId: row.id, id: formatExecutionId(row.family, row.key), fingerprint: row.fingerprint }));
  }

  /**
   * True while the enrichment after a scan has steps or checks left to write:
   * a verdict computed now may change without the execution's fingerprint moving.
   */
  enrichmentPending(): boolean {
    return this.enrichment.pending();
  }

  /** PRAGMA data_version: moves whenever the writer commits, so answers computed under one value can be kept until it moves. */
  dataVersion(): number {
    return this.statements.dataVersion.get() as number;
  }
}

function scopeCondition(field: ScopeSelector['field']): string {
  switch (field) {
    case 'plan_id':
      return 'AND x.plan_id = ?';
    case 'label':
      return 'AND x.label = ?';
    case 'actor':
      return 'AND x.actor = ?';
    case 'run_name':
      // A run id is `<time>/<name>` (formats.md §3); the name's own `%`, `_` and `\` are escaped.
      return "AND (x.key = ? OR (x.key LIKE ? ESCAPE '\\'))";
    case 'family':
      return '';
  }
}
