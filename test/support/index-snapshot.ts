import { rawTextSql } from '../../electron/index/raw-blocks';
import { query } from './index-folder';

/** Everything the index holds that a reader could see, keyed by content (never by row id), in a comparable form. */
export interface IndexSnapshot {
  readonly events: string[];
  readonly executions: string[];
  readonly problems: string[];
  readonly steps: string[];
  readonly counts: string[];
  readonly spans: string[];
  readonly derived: string[];
}

/** Reads an index's rows as sorted strings: two indexes of one folder, however built, must give equal snapshots. */
export function snapshot(dbPath: string): IndexSnapshot {
  const rows = (sql: string): string[] => query<{ k: string }>(dbPath, sql).map((r) => r.k);
  // Where an event came from, the key by which derived rows name it.
  const at = (alias: string): string => `(SELECT s.path || ':' || e.line || ':' || e.part FROM events e JOIN sources s ON s.id = e.source_id WHERE e.id = ${alias}.event_id)`;
  const execution = (alias: string): string => `coalesce((SELECT x.family || ':' || x.key FROM executions x WHERE x.id = ${alias}.execution_id), '-')`;
  return {
    events: rows(`SELECT s.path || ':' || e.line || ':' || e.part || ':' || e.byte_offset || ':' || ${rawTextSql('e')} AS k FROM events e JOIN sources s ON s.id = e.source_id ORDER BY k`),
    executions: rows(
      "SELECT family || ':' || key || ':' || event_count || ':' || failure_count || ':' || problem_count || ':' || coalesce(status, '-') || ':' || coalesce(first_ts, '-') || ':' || coalesce(last_ts, '-') AS k FROM executions ORDER BY k",
    ),
    problems: rows("SELECT coalesce(s.path, '-') || ':' || coalesce(p.line, '-') || ':' || p.code AS k FROM problems p LEFT JOIN sources s ON s.id = p.source_id ORDER BY k"),
    steps: rows(
      `SELECT x.key || ':' || st.origin || ':' || st.seq || ':' || s.path || ':' || e.line || ':' || coalesce(st.step_index, '') || ':' || coalesce(st.event_type, '') AS k
       FROM step_events st JOIN executions x ON x.id = st.execution_id JOIN events e ON e.id = st.event_id JOIN sources s ON s.id = e.source_id ORDER BY k`,
    ),
    counts: rows("SELECT family || ':' || events AS k FROM family_counts WHERE events > 0 ORDER BY k"),
    // An OTLP line holds many spans: each once, with its line and part.
    spans: rows(
      `SELECT x.key || ':' || o.span_id || ':' || coalesce(o.parent_span_id, '-') || ':' || s.path || ':' || e.line || ':' || e.part AS k
       FROM otlp_spans o JOIN executions x ON x.id = o.execution_id JOIN events e ON e.id = o.event_id JOIN sources s ON s.id = e.source_id ORDER BY k`,
    ),
    derived: [
      ...rows(`SELECT 'effect:' || ${execution('d')} || ':' || ${at('d')} || ':' || d.origin || ':' || d.via || ':' || coalesce(d.plan_id, '-') || ':' || coalesce(d.description, '-') AS k FROM side_effects d`),
      ...rows(`SELECT 'snapshot:' || ${execution('d')} || ':' || ${at('d')} || ':' || d.phase || ':' || d.fields AS k FROM snapshots d`),
      ...rows(`SELECT 'checkpoint:' || ${execution('d')} || ':' || ${at('d')} || ':' || coalesce(d.name, '-') || ':' || coalesce(d.status, '-') AS k FROM checkpoints d`),
      ...rows(`SELECT 'plan:' || d.plan_id || ':' || ${at('d')} || ':' || d.steps AS k FROM plans d`),
      ...rows(`SELECT 'hint:' || d.plan_id || ':' || ${at('d')} || ':' || d.position || ':' || d.description AS k FROM rollback_hints d`),
      ...rows(`SELECT 'log:' || ${execution('d')} || ':' || ${at('d')} || ':' || coalesce(d.span_id, '-') || ':' || d.body AS k FROM otlp_logs d`),
    ].sort(),
  };
}
