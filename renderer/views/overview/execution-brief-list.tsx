import type { ApiRequest } from '../../../shared/api/contract';
import { Badge } from '../../components/badge';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { RouteLink } from '../../components/route-link';
import { executionRowCells } from '../../format/execution-row';
import { useApi } from '../../hooks/use-api';
import { rangeRequest, useTimeRange } from '../../state/time-range-context';

/** The first executions a request finds in the time range, most recent first, each one click from its detail. */
export function ExecutionBriefList({ request, emptyTitle }: { readonly request: ApiRequest<'listExecutions'>; readonly emptyTitle: string }) {
  const { range } = useTimeRange();
  const rows = useApi('listExecutions', { ...request, sort: 'start', descending: true, limit: 15, ...rangeRequest(range) });
  if (rows.value === undefined) return rows.error !== null ? <ErrorState error={rows.error} onRetry={rows.reload} /> : <LoadingState />;
  if (rows.value.items.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Execution</th>
            <th scope="col">Family</th>
            <th scope="col">Status</th>
            <th scope="col">Integrity</th>
            <th scope="col">Started (UTC)</th>
            <th scope="col" className="num">
              Failures
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.value.items.map((row) => {
            const cells = executionRowCells(row);
            return (
              <tr key={row.id}>
                <td className="cell-key">
                  <RouteLink to={{ view: 'execution', id: row.id }}>{cells.key}</RouteLink>
                  {cells.label !== null && <span className="muted"> {cells.label}</span>}
                </td>
                <td>
                  <span className={`family family-${row.family}`}>{row.family}</span>
                </td>
                <td>
                  <Badge tone={cells.statusTone}>{cells.status}</Badge>
                </td>
                <td>{row.integrity === 'not_applicable' ? <span className="muted">{cells.integrity}</span> : <Badge tone={cells.integrityTone}>{cells.integrity}</Badge>}</td>
                <td className="nowrap">{cells.start}</td>
                <td className="num">{cells.failures || '0'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.value.total > rows.value.items.length && <p className="muted">{rows.value.total - rows.value.items.length} more in the executions list.</p>}
    </>
  );
}
