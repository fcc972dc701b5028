import type { EventRow } from '../../../format/event-row';
import { streamEventLine } from '../../../format/stream-event';
import { formatTimestamp } from '../../../format/time';

/** One mission stream event: time, type and payload summary, as text. */
export function StreamEventRowView({ row }: { readonly row: EventRow | undefined }) {
  if (row === undefined) return <span className="cell cell-placeholder">Loading…</span>;
  const line = streamEventLine(row);
  return (
    <>
      <span className="cell col-time">{formatTimestamp(row.ts)}</span>
      <span className={`cell col-kind tone-${line.tone}`}>{line.type}</span>
      <span className="cell col-preview">{line.summary}</span>
    </>
  );
}
