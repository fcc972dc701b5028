import { Badge } from '../../components/badge';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { RouteLink } from '../../components/route-link';
import { executionRowCells, statusTone } from '../../format/execution-row';
import { useApi } from '../../hooks/use-api';
import { rangeRequest, useTimeRange } from '../../state/time-range-context';

/** The failed executions in the time range, most recent first. */
export function FailuresList() {
  const { range } = useTimeRange();
  const failures = useApi('listExecutions', { outcomes: ['failed'], sort: 'start', descending: true, limit: 15, ...rangeRequest(range) });
  if (failures.value === undefined) return failures.error !== null ? <ErrorState error={failures.error} onRetry={failures.reload} /> : <LoadingState />;
  if (failures.value.items.length === 0) return <EmptyState title="No failed executions in this time range" />;
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Execution</th>
            <th scope="col">Family</th>
            <th scope="col">Status</th>
            <th scope="col">Started (UTC)</th>
            <th scope="col" className="num">
              Failures
            </th>
          </tr>
        </thead>
        <tbody>
          {failures.value.items.map((row) => {
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
                  <Badge tone={statusTone(row.status ?? row.outcome)}>{cells.status}</Badge>
                </td>
                <td className="nowrap">{cells.start}</td>
                <td className="num">{cells.failures || '0'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {failures.value.total > failures.value.items.length && <p className="muted">{failures.value.total - failures.value.items.length} more in the executions list.</p>}
    </>
  );
}
