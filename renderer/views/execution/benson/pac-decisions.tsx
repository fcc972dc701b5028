import { KeyValueList } from '../../../components/key-value-list';
import { Panel } from '../../../components/panel';
import { RouteLink } from '../../../components/route-link';
import { YesNoBadge } from '../../../components/yes-no-badge';
import { plainText, readPath } from '../../../format/json-text';
import type { ParsedEvent } from '../../../hooks/use-parsed-events';

/** The BER generation decision and the WRAP generation of a PAC, field by field as written. */
export function PacDecisions({ events }: { readonly events: readonly ParsedEvent[] }) {
  const ber = events.filter((event) => event.row.kind === 'BER_GENERATION_DECISION');
  const wrap = events.filter((event) => event.row.kind === 'WRAP_GENERATION');
  return (
    <div className="two-columns">
      <Panel title="BER decision">
        {ber.length === 0 ? (
          <p className="muted">No BER_GENERATION_DECISION event.</p>
        ) : (
          ber.map(({ row, json }) => (
            <div key={row.id} className="decision">
              <KeyValueList
                items={[
                  ['Eligible', <YesNoBadge key="e" value={readPath(json, ['data', 'eligible'])} />],
                  ['Reason', plainText(readPath(json, ['data', 'reason']))],
                  ['Human review required', <YesNoBadge key="h" value={readPath(json, ['data', 'human_review_required'])} invert />],
                ]}
              />
              <RouteLink to={{ view: 'events', eventId: row.id }} className="muted">
                {row.source.path}:{row.source.line}
              </RouteLink>
            </div>
          ))
        )}
      </Panel>
      <Panel title="WRAP generation">
        {wrap.length === 0 ? (
          <p className="muted">No WRAP_GENERATION event.</p>
        ) : (
          wrap.map(({ row, json }) => (
            <div key={row.id} className="decision">
              <KeyValueList
                items={[
                  ['WRAP id', plainText(readPath(json, ['data', 'wrap_id']))],
                  ['Status', plainText(readPath(json, ['data', 'status']))],
                  ['Blocked', <YesNoBadge key="b" value={readPath(json, ['data', 'blocked'])} invert />],
                ]}
              />
              <RouteLink to={{ view: 'events', eventId: row.id }} className="muted">
                {row.source.path}:{row.source.line}
              </RouteLink>
            </div>
          ))
        )}
      </Panel>
    </div>
  );
}
