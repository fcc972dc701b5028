import { Badge } from '../../../components/badge';
import { Panel } from '../../../components/panel';
import { RouteLink } from '../../../components/route-link';
import { statusTone } from '../../../format/execution-row';
import { plainText, readPath } from '../../../format/json-text';
import { formatTimeOfDay } from '../../../format/time';
import type { ParsedEvent } from '../../../hooks/use-parsed-events';

/** The PAC's events in order with their phase: dispatch, agent execution, checkpoints, validation, completion. */
export function PacPhases({ events, truncated }: { readonly events: readonly ParsedEvent[]; readonly truncated: boolean }) {
  return (
    <Panel title="Phases">
      <ol className="phases">
        {events.map(({ row, json }) => {
          const phase = readPath(json, ['data', 'phase']);
          const status = row.status ?? (typeof readPath(json, ['data', 'status']) === 'string' ? (readPath(json, ['data', 'status']) as string) : null);
          return (
            <li key={row.id} className={row.failed ? 'is-failed' : ''}>
              <span className="mono muted">{formatTimeOfDay(row.ts)}</span> <span className="phase-name">{phase === undefined ? '—' : plainText(phase)}</span>{' '}
              <RouteLink to={{ view: 'events', eventId: row.id }}>{row.kind || '(no event_type)'}</RouteLink> {status !== null && <Badge tone={statusTone(status)}>{status}</Badge>}
              {row.errorCode !== null && <code> {row.errorCode}</code>}
            </li>
          );
        })}
      </ol>
      {truncated && <p className="muted">Only the first events are listed here; all of them are in the events list below.</p>}
    </Panel>
  );
}
