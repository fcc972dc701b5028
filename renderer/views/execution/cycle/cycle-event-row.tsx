import { Badge } from '../../../components/badge';
import { RouteLink } from '../../../components/route-link';
import { statusTone } from '../../../format/execution-row';
import type { FieldFlag } from '../../../format/field-flags';
import { asRecord } from '../../../format/json-text';
import { redactedFields, redactionView } from '../../../format/redaction';
import { formatTimeOfDay } from '../../../format/time';
import type { ParsedEvent } from '../../../hooks/use-parsed-events';
import { MaskedValue } from './masked-value';

/**
 * One cycle event with its payload fields. Redacted values (REDACTED, or a
 * hash in place of a listed field) show as a "redacted" badge with the hash
 * as written; nothing is recovered. A field the ingest flagged (a secret in
 * the clear, a listed field not redacted) is masked with its flag until revealed.
 */
export function CycleEventRow({ event, flagsOf }: { readonly event: ParsedEvent; readonly flagsOf: (eventId: number, keys: readonly string[]) => ReadonlyMap<string, readonly FieldFlag[]> }) {
  const payload = asRecord(event.json?.['payload']);
  const listed = redactedFields(payload);
  const fields = payload === null ? [] : Object.entries(payload).filter(([key]) => key !== 'redacted_fields');
  const flags = flagsOf(event.row.id, fields.map(([key]) => key));
  const exitCode = payload?.['exit_code'];
  const decision = event.row.kind === 'review.decision' ? (payload?.['decision'] ?? null) : null;
  return (
    <li className={`cycle-event${event.row.failed ? ' is-failed' : ''}`}>
      <div className="cycle-event-head">
        <span className="mono muted">{formatTimeOfDay(event.row.ts)}</span> <RouteLink to={{ view: 'events', eventId: event.row.id }}>{event.row.kind}</RouteLink>
        {typeof exitCode === 'number' && <Badge tone={exitCode === 0 ? 'ok' : 'bad'}>exit {exitCode}</Badge>}
        {typeof decision === 'string' && <Badge tone={statusTone(decision)}>{decision}</Badge>}
        {event.json === null && <span className="muted"> (line not readable as JSON)</span>}
      </div>
      {fields.length > 0 && (
        <dl className="fields">
          {fields.map(([key, value]) => {
            const view = redactionView(key, value, listed);
            return (
              <div key={key} className="field-pair">
                <dt>{key}</dt>
                <dd>
                  {view.kind === 'redacted' ? (
                    <>
                      <Badge tone="info" title="Redacted by the producer; the inspector never recovers it">
                        redacted
                      </Badge>
                      {view.hash !== null && <span className="mono hash"> {view.hash}</span>}
                    </>
                  ) : flags.has(key) ? (
                    <MaskedValue text={view.text} flags={flags.get(key) ?? []} />
                  ) : (
                    <span className="mono">{view.text}</span>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {listed.size > 0 && <p className="muted small">redacted_fields: {[...listed].join(', ')}</p>}
    </li>
  );
}
