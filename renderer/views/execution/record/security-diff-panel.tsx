import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Panel } from '../../../components/panel';
import { valueText } from '../../../format/json-text';
import { fieldChangeText } from '../../../format/snapshot-text';
import { displayWrittenTime } from '../../../../shared/model/display-time';
import { useApi } from '../../../hooks/use-api';
import { StateChangeLine } from './state-change-line';

/** The security snapshot before and after, field by field, with the state change called out. */
export function SecurityDiffPanel({ id }: { readonly id: string }) {
  const diff = useApi('getSecurityDiff', { id });
  return (
    <Panel title="Security snapshot: pre vs post">
      {diff.value === undefined ? (
        diff.error !== null ? (
          <ErrorState error={diff.error} onRetry={diff.reload} />
        ) : (
          <LoadingState />
        )
      ) : (
        <>
          <StateChangeLine name="security_state" change={diff.value.stateChange} />
          {diff.value.boundaryChange !== null && <StateChangeLine name="boundary_state" change={diff.value.boundaryChange} />}
          {diff.value.post === null && diff.value.pre !== null && <p className="notice">No post snapshot: the record was not finished, so nothing can be compared.</p>}
          <p className="muted">
            Captured {displayWrittenTime(diff.value.pre?.capturedAt)} (pre) and {diff.value.post === null ? 'no post snapshot' : displayWrittenTime(diff.value.post.capturedAt)} (post).
          </p>
          {diff.value.fields.length === 0 ? (
            <p className="muted">No other snapshot fields.</p>
          ) : (
            <table className="table diff">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Pre</th>
                  <th scope="col">Post</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {diff.value.fields.map((field) => (
                  <tr key={field.field} className={`diff-${field.change}`}>
                    <th scope="row" className="mono">
                      {field.field}
                    </th>
                    <td className={field.change === 'no_pre_snapshot' ? 'muted' : 'mono'}>{field.change === 'no_pre_snapshot' ? 'no pre snapshot' : valueText(field.pre)}</td>
                    <td className={field.change === 'no_post_snapshot' ? 'muted' : 'mono'}>{field.change === 'no_post_snapshot' ? 'no post snapshot' : valueText(field.post)}</td>
                    <td>
                      <span className={`change change-${field.change}`}>{fieldChangeText(field.change)}</span>
                      {field.added !== undefined && field.added.length > 0 && <span className="diff-added"> + {field.added.map((item) => valueText(item)).join(', ')}</span>}
                      {field.removed !== undefined && field.removed.length > 0 && <span className="diff-removed"> − {field.removed.map((item) => valueText(item)).join(', ')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Panel>
  );
}
