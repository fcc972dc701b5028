import type { ApiResponse } from '../../../../shared/api/contract';
import { isUntracedKey } from '../../../../shared/model/execution-id';
import { Badge } from '../../../components/badge';
import { Panel } from '../../../components/panel';
import { RouteLink } from '../../../components/route-link';
import { statusTone } from '../../../format/execution-row';
import { plainText } from '../../../format/json-text';
import { formatTimestamp } from '../../../format/time';
import { useParsedEvents } from '../../../hooks/use-parsed-events';

const FIELDS = ['action_type', 'adapter', 'status', 'product', 'error_code'] as const;

/**
 * An executor trace: its terminal event(s) with action, adapter, status and
 * error code. More than one terminal event for a trace_id is a duplicate
 * emission and is flagged (the synthetic untraced group holds many by design).
 */
export function ExecEventSections({ detail }: { readonly detail: ApiResponse<'getExecution'> }) {
  const { events } = useParsedEvents(detail.events);
  const untraced = isUntracedKey(detail.execution.key);
  const duplicated = !untraced && detail.execution.eventCount > 1;
  return (
    <Panel title={untraced ? 'Untraced terminal events' : 'Terminal event'}>
      {untraced && <p className="muted">These events carry no trace_id; they are grouped per product so they can be found.</p>}
      {duplicated && (
        <p className="notice notice-warn">
          <Badge tone="bad">duplicate emission</Badge> {detail.execution.eventCount} terminal events were emitted for this trace_id; the contract allows one.
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            {FIELDS.map((field) => (
              <th scope="col" key={field}>
                {field}
              </th>
            ))}
            <th scope="col">Line</th>
          </tr>
        </thead>
        <tbody>
          {events.map(({ row, json }, position) => (
            <tr key={row.id} className={row.failed ? 'is-failed' : ''}>
              <td className="nowrap">
                {formatTimestamp(row.ts)} {duplicated && position > 0 && <Badge tone="bad">duplicate</Badge>}
              </td>
              {FIELDS.map((field) => (
                <td key={field} className="mono">
                  {field === 'status' ? <Badge tone={statusTone(plainText(json?.[field]))}>{plainText(json?.[field])}</Badge> : plainText(json?.[field])}
                </td>
              ))}
              <td>
                <RouteLink to={{ view: 'events', eventId: row.id }}>
                  {row.source.path}:{row.source.line}
                </RouteLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
