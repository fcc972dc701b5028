import type { ApiResponse } from '../../../shared/api/contract';
import { RouteLink } from '../../components/route-link';
import { formatLocation } from '../../format/problem-text';

type ProblemRow = ApiResponse<'listProblems'>['items'][number];

/** One problem: code and message, then links to its line (the event among its neighbours, or the raw bytes of a line that is no event) and its execution. */
export function ProblemRowView({ row }: { readonly row: ProblemRow | undefined }) {
  if (row === undefined) return <span className="cell-placeholder">Loading…</span>;
  const location = formatLocation(row.path, row.line);
  return (
    <div className="problem-row">
      <div className="problem-message">
        <code>{row.code}</code> <span>{row.message}</span>
      </div>
      <div className="problem-links">
        {row.eventId !== null ? (
          <RouteLink to={{ view: 'events', eventId: row.eventId, anchor: row.eventId }} className="mono" label={`${location}: the event, among its neighbours`}>
            {location}
          </RouteLink>
        ) : row.line !== null ? (
          <RouteLink to={{ view: 'problem', problemId: row.id }} className="mono" label={`${location}: the raw bytes of the line`}>
            {location}
          </RouteLink>
        ) : (
          <span className="mono muted">{location}</span>
        )}
        {row.executionId !== null && (
          <>
            {' · '}
            <RouteLink to={{ view: 'execution', id: row.executionId }}>{row.executionId}</RouteLink>
          </>
        )}
      </div>
    </div>
  );
}
