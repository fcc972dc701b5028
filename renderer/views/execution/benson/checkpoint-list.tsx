import type { ApiResponse } from '../../../../shared/api/contract';
import { Badge } from '../../../components/badge';
import { Panel } from '../../../components/panel';
import { PAC_CHECKPOINTS } from '../../../format/benson-codes';
import { CheckpointRow } from './checkpoint-row';

type Checkpoint = ApiResponse<'getExecution'>['checkpoints'][number];

/** CP-01..CP-04 pass or fail (or not reported), then any other checkpoint the PAC reported. */
export function CheckpointList({ checkpoints }: { readonly checkpoints: readonly Checkpoint[] }) {
  const known = new Set(PAC_CHECKPOINTS.map((cp) => cp.id));
  const others = checkpoints.filter((cp) => cp.checkpointId === null || !known.has(cp.checkpointId));
  return (
    <Panel title="Checkpoints">
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">Checkpoint</th>
            <th scope="col">Result</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {PAC_CHECKPOINTS.map((expected) => {
            const reported = checkpoints.filter((cp) => cp.checkpointId === expected.id);
            if (reported.length === 0) {
              return (
                <tr key={expected.id}>
                  <th scope="row">
                    {expected.id} <span className="muted checkpoint-name">{expected.name}</span>
                  </th>
                  <td>
                    <Badge tone="neutral">not reported</Badge>
                  </td>
                  <td />
                </tr>
              );
            }
            return reported.map((cp) => <CheckpointRow key={cp.eventId} checkpoint={cp} fallbackName={expected.name} />);
          })}
          {others.map((cp) => (
            <CheckpointRow key={cp.eventId} checkpoint={cp} fallbackName="" />
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
