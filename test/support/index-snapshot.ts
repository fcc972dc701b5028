import { rawTextSql } from '../../electron/index/raw-blocks';
import { openIndexReadOnly } from '../../electron/index/open-index';

/**
 * Everything the index holds that a reader could see, in a form two indexes of
 * the same folder can be compared by, whatever ids they gave out: each row
 * named by its file, line and part (or execution key) instead of its id.
 */
export interface IndexSnapshot {
  readonly events: string[];
  readonly executions: string[];
  readonly problems: string[];
  readonly steps: string[];
  readonly counts: string[];
  readonly spans: string[];
  /** Side effects, snapshots, checkpoints, plans, rollback hints and span logs. */
  readonly derived: string[];
  /** Every event's full-text terms (with their positions), one row per event: what a search can find. */
  readonly fullText: string[];
}

/** Where an event came from, for naming rows that point at it. */
const EVENT_AT = "s.path || ':' || e.line || ':' || e.part";

/** Reads an index's snapshot (see IndexSnapshot). */
export function snapshot(dbPath: string): IndexSnapshot {
  const db = openIndexReadOnly(dbPath);
  // The full-text terms are read through a temporary fts5vocab table: the temp schema only, the index file stays read-only.
  db.pragma('query_only = OFF');
  try {
    const rows = (sql: string): string[] => (db.prepare(sql).all() as { k: string }[]).map((r) => r.k);
    /** The rows of a derived table, named by their event, without ids. */
    const derived = (table: string, columns: string[]): string[] =>
      rows(
        `SELECT '${table}:' || coalesce(x.key, '-') || ':' || ${EVENT_AT} || ':' || ${columns.map((c) => `coalesce(CAST(d.${c} AS TEXT), '-')`).join(" || ':' || ")} AS k
         FROM ${table} d JOIN events e ON e.id = d.event_id JOIN sources s ON s.id = e.source_id LEFT JOIN executions x ON x.id = d.execution_id ORDER BY k`,
      );
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, 'text_runs_fts', 'instance')");
    return {
      // A line's raw text once, with its first event: an OTLP line of 2,000 spans would otherwise be copied 2,000 times (gigabytes).
      events: rows(
        `SELECT ${EVENT_AT} || ':' || e.byte_offset || ':' || coalesce(e.ts, '-') || ':' || e.family || ':' || e.kind || ':' || coalesce(e.status, '-') || ':' || e.failed || ':' || coalesce(e.same_as IS NOT NULL, 0) || ':' || e.byte_length
           || ':' || coalesce(x.key, '-') || ':' || coalesce(e.actor, '-') || ':' || coalesce(e.error_code, '-') || ':' || coalesce(e.cycle, '-') || ':' || CASE WHEN e.part = 0 THEN ${rawTextSql('e')} ELSE '' END AS k
         FROM events e JOIN sources s ON s.id = e.source_id LEFT JOIN executions x ON x.id = e.execution_id ORDER BY k`,
      ),
      executions: rows(
        `SELECT family || ':' || key || ':' || event_count || ':' || failure_count || ':' || problem_count || ':' || exec_problems || ':' || coalesce(status, '-') || ':' || outcome || ':' || coalesce(integrity, '-') || ':' || coalesce(first_ts, '-') || ':' || coalesce(last_ts, '-')
           || ':' || status_rank || ':' || status_ts || ':' || coalesce(label, '-') || ':' || coalesce(actor, '-') || ':' || coalesce(product, '-') || ':' || coalesce(plan_id, '-') || ':' || coalesce(live_mode, '-') || ':' || open_count || ':' || close_count AS k
         FROM executions ORDER BY k`,
      ),
      problems: rows(
        `SELECT coalesce(s.path, '-') || ':' || coalesce(p.line, '-') || ':' || p.code || ':' || p.origin || ':' || coalesce(x.key, '-') || ':' || p.message AS k
         FROM problems p LEFT JOIN sources s ON s.id = p.source_id LEFT JOIN executions x ON x.id = p.execution_id ORDER BY k`,
      ),
      steps: rows(
        `SELECT x.key || ':' || st.origin || ':' || st.seq || ':' || ${EVENT_AT} || ':' || coalesce(st.step_index, '') || ':' || coalesce(st.event_type, '') || ':' || coalesce(st.step_name, '') || ':' || coalesce(st.ts, '') AS k
         FROM step_events st JOIN executions x ON x.id = st.execution_id JOIN events e ON e.id = st.event_id JOIN sources s ON s.id = e.source_id ORDER BY k`,
      ),
      counts: rows("SELECT family || ':' || events AS k FROM family_counts WHERE events > 0 ORDER BY k"),
      spans: rows(
        `SELECT x.key || ':' || o.span_id || ':' || coalesce(o.parent_span_id, '-') || ':' || ${EVENT_AT} || ':' || o.body AS k
         FROM otlp_spans o JOIN executions x ON x.id = o.execution_id JOIN events e ON e.id = o.event_id JOIN sources s ON s.id = e.source_id ORDER BY k`,
      ),
      derived: [
        ...derived('side_effects', ['plan_id', 'origin', 'via', 'step_index', 'category', 'description', 'reversible', 'details']),
        ...derived('snapshots', ['phase', 'via', 'captured_at', 'security_state', 'fields']),
        ...derived('checkpoints', ['checkpoint_id', 'name', 'status', 'details', 'ts']),
        ...rows(`SELECT 'plans:' || d.plan_id || ':' || ${EVENT_AT} || ':' || d.steps AS k FROM plans d JOIN events e ON e.id = d.event_id JOIN sources s ON s.id = e.source_id ORDER BY k`),
        ...rows(
          `SELECT 'hints:' || d.plan_id || ':' || d.position || ':' || ${EVENT_AT} || ':' || coalesce(d.step_index, '-') || ':' || d.description AS k
           FROM rollback_hints d JOIN events e ON e.id = d.event_id JOIN sources s ON s.id = e.source_id ORDER BY k`,
        ),
        ...derived('otlp_logs', ['span_id', 'time_ms', 'body']),
      ],
      fullText: [
        // Each source's tokens in order (run by run, column by column: event by event): how a source's events were cut into runs (a transaction's
        // end cuts one) is not part of what the index answers, the tokens each event is found by are.
        // Terms of a run whose source is gone (a run the takeback missed) show as an orphan rather than disappearing.
        ...rows(
          `SELECT coalesce(s.path, 'orphan ' || coalesce(r.source_id, 'run ' || t.doc)) || ' ' || group_concat(t.terms, ' ' ORDER BY r.first_id) AS k
           FROM (SELECT doc, group_concat(term, ' ' ORDER BY CAST(substr(col, 2) AS INTEGER), offset) AS terms FROM temp.fts_terms GROUP BY doc) t
           LEFT JOIN text_runs r ON r.first_id = t.doc LEFT JOIN sources s ON s.id = r.source_id GROUP BY r.source_id ORDER BY k`,
        ),
        // Every event with full text is in a run of its own source (a row only when some is not).
        ...rows(
          `SELECT 'events outside a run of their source: ' || count(*) AS k FROM events e
           WHERE e.id <= coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'enriched_through'), 0)
             AND NOT EXISTS (SELECT 1 FROM text_runs r WHERE r.first_id = (SELECT max(first_id) FROM text_runs WHERE first_id <= e.id) AND r.last_id >= e.id AND r.source_id = e.source_id)
           HAVING count(*) > 0`,
        ),
      ],
    };
  } finally {
    db.close();
  }
}
