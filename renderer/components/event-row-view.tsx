import { eventRowCells, type EventRow } from '../format/event-row';
import { Badge } from './badge';
import { MaskedText } from './masked-text';

/** The cells of one events list row: time, family, kind, status, file:line and the start of the raw line (as text, flagged secrets masked). */
export function EventRowView({ row }: { readonly row: EventRow | undefined }) {
  if (row === undefined) return <span className="cell cell-placeholder">Loading…</span>;
  const cells = eventRowCells(row);
  return (
    <>
      <span className="cell col-time">{cells.time}</span>
      <span className="cell col-family">
        <span className={`family family-${row.family}`}>{cells.family}</span>
      </span>
      <span className="cell col-kind" title={cells.kind}>
        {cells.kind}
      </span>
      <span className={`cell col-status${row.failed ? ' text-bad' : ''}`}>{cells.status || (row.failed ? 'failed' : '')}</span>
      <span className="cell col-location" title={cells.location}>
        {cells.location}
      </span>
      <span className="cell col-preview">
        {row.secretFlags.length > 0 && (
          <>
            <Badge tone="bad" title={row.secretFlags.map((flag) => flag.message).join('\n')}>
              secret masked
            </Badge>{' '}
          </>
        )}
        <MaskedText parts={cells.preview} />
      </span>
    </>
  );
}
