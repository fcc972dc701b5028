import { useEffect } from 'react';
import { displayWrittenTime } from '../../../../shared/model/display-time';
import { ErrorState } from '../../../components/error-state';
import { useApi } from '../../../hooks/use-api';

/** Acknowledgements reviewers recorded for this execution, newest first. */
export function AcknowledgementList({ id, refresh }: { readonly id: string; readonly refresh: number }) {
  const list = useApi('listAcknowledgements', { id });
  const { reload } = list;
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  return (
    <section aria-label="Acknowledgements" className="acknowledgements">
      <h3>Acknowledgements</h3>
      {list.value === undefined ? (
        list.error !== null ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <p className="muted">Loading…</p>
        )
      ) : list.value.items.length === 0 ? (
        <p className="muted">No reviewer has acknowledged this rollback scaffold.</p>
      ) : (
        <ul className="ack-list">
          {list.value.items.map((ack) => (
            <li key={ack.id}>
              <strong>{ack.reviewer}</strong> <span className="muted">at {displayWrittenTime(ack.acknowledgedAt)}</span> <span className="mono hash muted">scaffold {ack.scaffoldHash.slice(0, 12)}…</span>
              {ack.note !== null && <p className="ack-note">{ack.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
