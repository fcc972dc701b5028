import { FAMILIES } from '../../../shared/model/family';
import { formatCount } from '../../format/numbers';

/** Events and executions per producer family. */
export function FamilyCounts({ events, executions }: { readonly events: Readonly<Record<string, number>>; readonly executions: Readonly<Record<string, number>> }) {
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th scope="col">Family</th>
          <th scope="col" className="num">
            Events
          </th>
          <th scope="col" className="num">
            Executions
          </th>
        </tr>
      </thead>
      <tbody>
        {FAMILIES.map((family) => (
          <tr key={family}>
            <th scope="row">
              <span className={`family family-${family}`}>{family}</span>
            </th>
            <td className="num">{formatCount(events[family] ?? 0)}</td>
            <td className="num">{family === 'generic' ? '—' : formatCount(executions[family] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
