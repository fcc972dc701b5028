import { useState } from 'react';
import { Badge } from '../../components/badge';
import { CopyButton } from '../../components/copy-button';
import { CopyLinkButton } from '../../components/copy-link-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { KeyValueList } from '../../components/key-value-list';
import { LoadingState } from '../../components/loading-state';
import { MaskedText } from '../../components/masked-text';
import { RouteLink } from '../../components/route-link';
import { prettyJson } from '../../format/json-text';
import { routeHash, type Route } from '../../format/route';
import { explainProblemCode } from '../../format/problem-text';
import { maskFlaggedValues } from '../../format/secret-mask';
import { formatTimestamp } from '../../format/time';
import { useApi } from '../../hooks/use-api';
import { NotesPanel } from '../notes/notes-panel';
import { BensonReportCheck } from './benson-report-check';
import { ShownText } from '../../components/shown-text';

/** One event: where it is, the raw line exactly as in the file, its JSON pretty-printed, what the inspector made of it, its problems. */
export function EventDetail({ eventId, closeTo = { view: 'events', eventId: null } }: { readonly eventId: number; readonly closeTo?: Route }) {
  const detail = useApi('getEvent', { id: eventId });
  const [revealed, setRevealed] = useState(false);
  if (detail.value === undefined) {
    return (
      <section className="event-detail" aria-label={`Event ${eventId}`}>
        {detail.error === null ? (
          <LoadingState label="Loading the event…" />
        ) : detail.error.code === 'not_found' ? (
          <EmptyState title={`No event ${eventId}`}>
            <p>It is not in this folder's index.</p>
          </EmptyState>
        ) : (
          <ErrorState error={detail.error} onRetry={detail.reload} />
        )}
      </section>
    );
  }
  const { event, raw, parsed, normalized, problems, bensonReport } = detail.value;
  const location = `${event.source.path}:${event.source.line}`;
  const pretty = prettyJson(parsed);
  const flagged = event.secretFlags.map((flag) => flag.message);
  return (
    <section className="event-detail" aria-labelledby="event-detail-title">
      <header className="event-detail-head">
        <h2 id="event-detail-title">
          Event {event.id} <span className="muted">{event.kind || '(no kind)'}</span>
        </h2>
        <span className="event-detail-actions">
          <CopyLinkButton to={{ view: 'events', eventId, anchor: eventId }} description="Copy a link to this event, shown among its neighbours" />
          <a href={routeHash(closeTo)} className="button-small" aria-label="Close the event detail">
            Close
          </a>
        </span>
      </header>
      <p className="event-location">
        <span className="mono">{location}</span> <CopyButton text={location} description="Copy the file path and line number">Copy file:line</CopyButton>
        {event.source.gone && <Badge tone="warn">file gone</Badge>}
      </p>
      <p className="muted small">
        byte offset {event.source.byteOffset}, {event.source.byteLength} bytes · {formatTimestamp(event.ts)}
      </p>
      {event.executionId !== null && (
        <p>
          Execution: <RouteLink to={{ view: 'execution', id: event.executionId }}>{event.executionId}</RouteLink>
        </p>
      )}
      <div className="subhead">
        <h3>Raw line, exactly as in the file</h3>
        <CopyButton text={raw} description="Copy the raw line exactly as in the file">Copy raw</CopyButton>
      </div>
      {flagged.length > 0 && (
        <p className="notice notice-bad secret-notice">
          <Badge tone="bad">secret masked</Badge> {flagged.length === 1 ? 'A value of this line looks like a secret' : 'Values of this line look like secrets'} ({flagged.join('; ')}): masked here and in the lists.{' '}
          <button type="button" className="link-button" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
            {revealed ? 'hide' : 'reveal'}
          </button>
        </p>
      )}
      <pre className="raw" tabIndex={0} aria-label="Raw line">
        {flagged.length === 0 ? <ShownText text={raw} /> : <MaskedText parts={maskFlaggedValues(raw, flagged)} revealed={revealed} />}
      </pre>
      <div className="subhead">
        <h3>Pretty JSON</h3>
        {pretty !== null && <CopyButton text={pretty} description="Copy the pretty-printed JSON">Copy JSON</CopyButton>}
      </div>
      {pretty === null ? <p className="muted">The line is not valid JSON.</p> : <pre className="pretty" tabIndex={0} aria-label="Pretty JSON">{flagged.length === 0 ? pretty : <MaskedText parts={maskFlaggedValues(pretty, flagged)} revealed={revealed} />}</pre>}
      <h3>Normalized fields</h3>
      <KeyValueList
        className="kv-mono"
        items={[
          ['family', normalized.family],
          ['kind', normalized.kind || '—'],
          ['executionKey', normalized.executionKey ?? 'null'],
          ['timestamp (UTC)', formatTimestamp(normalized.timestampMs)],
          ['status', normalized.status ?? 'null'],
          ['errorCode', normalized.errorCode ?? 'null'],
          ['actor', normalized.actor ?? 'null'],
          ['failed', String(normalized.failed)],
        ]}
      />
      {bensonReport !== null && <BensonReportCheck check={bensonReport} />}
      <NotesPanel request={{ eventId: event.id }} about="this event" targets={[{ label: 'This event', target: { eventId: event.id } }]} />
      <h3>Problems ({problems.length})</h3>
      {problems.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="problem-list">
          {problems.map((problem) => (
            <li key={problem.id}>
              <code>{problem.code}</code> {problem.message} <span className="muted">— {explainProblemCode(problem.code)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
