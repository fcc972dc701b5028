import type { BaselineVerdict } from '../../../shared/model/comparison';
import { Badge } from '../../components/badge';
import { baselineVerdictText } from '../../format/comparison-text';
import { executionRowCells, statusTone, type ExecutionRow } from '../../format/execution-row';

/** The cells of one executions list row (formatted only while on screen); `picked` marks run A of a comparison being picked. */
export function ExecutionRowView({ row, verdict, picked = false }: { readonly row: ExecutionRow | undefined; readonly verdict?: BaselineVerdict; readonly picked?: boolean }) {
  if (row === undefined) {
    return <span className="cell cell-placeholder">Loading…</span>;
  }
  const cells = executionRowCells(row);
  return (
    <>
      <span className="cell col-family">
        <span className={`family family-${row.family}`}>{cells.family}</span>
      </span>
      <span className="cell col-key" title={row.key}>
        {picked && <Badge tone="info">run A</Badge>}
        {cells.key}
        {cells.label !== null && <span className="muted"> {cells.label}</span>}
      </span>
      <span className="cell col-status">
        <Badge tone={statusTone(row.status ?? row.outcome)}>{cells.status}</Badge>
      </span>
      <span className="cell col-start">{cells.start}</span>
      <span className="cell col-duration num">{cells.duration}</span>
      <span className="cell col-events num">{cells.events}</span>
      <span className="cell col-failures num text-bad">{cells.failures}</span>
      <span className="cell col-problems num text-warn">{cells.problems}</span>
      <span className={`cell col-baseline${verdict?.state === 'diverges' ? ' text-bad' : ''}`}>{baselineVerdictText(verdict)}</span>
    </>
  );
}
