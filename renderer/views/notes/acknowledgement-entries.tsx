import { ErrorState } from '../../components/error-state';
import { Panel } from '../../components/panel';
import { RouteLink } from '../../components/route-link';
import { useApi } from '../../hooks/use-api';

/** The rollback acknowledgements of the journal, newest first, each linked to its execution (they are recorded from its rollback panel). */
export function AcknowledgementEntries() {
  const list = useApi('listAcknowledgements', {});
  const items = list.value?.items ?? [];
  return (
    <Panel title={`Rollback acknowledgements (${items.length})`}>
      {list.error !== null && <ErrorState error={list.error} onRetry={list.reload} />}
      {items.length === 0 ? (
        <p className="muted">No rollback scaffold has been acknowledged.</p>
      ) : (
        <ul className="ack-list">
          {items.map((ack) => (
            <li key={ack.id}>
              <strong>{ack.reviewer}</strong> <span className="muted">at {ack.acknowledgedAt}</span> ·{' '}
              <RouteLink to={{ view: 'execution', id: ack.executionId }}>{ack.executionId}</RouteLink>{' '}
              <span className="mono hash muted">scaffold {ack.scaffoldHash.slice(0, 12)}…</span>
              {ack.note !== null && <p className="ack-note">{ack.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
