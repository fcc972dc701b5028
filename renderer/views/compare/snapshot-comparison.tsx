import type { ComparedSnapshotField } from '../../../shared/model/comparison';
import { Panel } from '../../components/panel';

/** One phase's security snapshot, run A against run B, field by field; changed fields stand out. */
export function SnapshotComparison({ title, fields }: { readonly title: string; readonly fields: readonly ComparedSnapshotField[] }) {
  if (fields.length === 0) return null;
  return (
    <Panel title={title}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Run A</th>
            <th scope="col">Run B</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.field} className={field.counts && field.change !== 'same' ? 'row-bad' : undefined}>
              <th scope="row">{field.field}</th>
              <td>
                <code>{valueText(field.a)}</code>
              </td>
              <td>
                <code>{valueText(field.b)}</code>
              </td>
              <td>{field.counts ? field.change : `${field.change} (not compared: differs between any two runs)`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function valueText(value: unknown): string {
  return value === undefined ? '(absent)' : (JSON.stringify(value) ?? '');
}
