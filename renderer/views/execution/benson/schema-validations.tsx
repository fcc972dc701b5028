import { Badge } from '../../../components/badge';
import { Panel } from '../../../components/panel';
import { RouteLink } from '../../../components/route-link';
import { explainGsCode, GS_CODES } from '../../../format/benson-codes';
import { plainText, readPath } from '../../../format/json-text';
import type { ParsedEvent } from '../../../hooks/use-parsed-events';

/** SCHEMA_VALIDATION events: which schema, valid or not, and the GS code explained. */
export function SchemaValidations({ events }: { readonly events: readonly ParsedEvent[] }) {
  const validations = events.filter((event) => event.row.kind === 'SCHEMA_VALIDATION');
  return (
    <Panel title={`Schema validation (${validations.length})`}>
      {validations.length === 0 ? (
        <p className="muted">No SCHEMA_VALIDATION events.</p>
      ) : (
        <ul className="validations">
          {validations.map(({ row, json }) => {
            const valid = readPath(json, ['data', 'valid']);
            const code = readPath(json, ['data', 'error_code']);
            const codeText = typeof code === 'string' ? code : (row.errorCode ?? null);
            const meaning = explainGsCode(codeText);
            return (
              <li key={row.id}>
                <span className="mono">{plainText(readPath(json, ['data', 'schema_type']))}</span>{' '}
                <Badge tone={valid === true ? 'ok' : valid === false ? 'bad' : 'neutral'}>{valid === true ? 'valid' : valid === false ? 'invalid' : 'validity not stated'}</Badge>{' '}
                {codeText !== null && (
                  <>
                    <code>{codeText}</code> <span>{meaning ?? 'not a GS code formats.md lists'}</span>{' '}
                  </>
                )}
                <RouteLink to={{ view: 'events', eventId: row.id }} className="muted">
                  {row.source.path}:{row.source.line}
                </RouteLink>
              </li>
            );
          })}
        </ul>
      )}
      <details className="legend">
        <summary>GS codes</summary>
        <ul>
          {Object.entries(GS_CODES).map(([code, text]) => (
            <li key={code}>
              <code>{code}</code> {text}
            </li>
          ))}
        </ul>
      </details>
    </Panel>
  );
}
