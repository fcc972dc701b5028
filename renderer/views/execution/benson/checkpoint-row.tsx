import type { ApiResponse } from '../../../../shared/api/contract';
import { Badge } from '../../../components/badge';
import { RouteLink } from '../../../components/route-link';
import { statusTone } from '../../../format/execution-row';
import { formatTimeOfDay } from '../../../format/time';

type Checkpoint = ApiResponse<'getExecution'>['checkpoints'][number];

/** One reported checkpoint: id and name, PASS/FAIL, details as written and a link to its line. */
export function CheckpointRow({ checkpoint, fallbackName }: { readonly checkpoint: Checkpoint; readonly fallbackName: string }) {
  return (
    <tr>
      <th scope="row">
        {checkpoint.checkpointId ?? '(no id)'} <span className="muted checkpoint-name">{checkpoint.name ?? fallbackName}</span>
      </th>
      <td>
        <Badge tone={statusTone(checkpoint.status)}>{checkpoint.status ?? 'no status'}</Badge>
      </td>
      <td>
        {checkpoint.details ?? ''}{' '}
        <RouteLink to={{ view: 'events', eventId: checkpoint.eventId }} className="muted">
          at {formatTimeOfDay(checkpoint.ts)}
        </RouteLink>
      </td>
    </tr>
  );
}
