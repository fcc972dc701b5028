import type { ApiResponse } from '../../../../shared/api/contract';
import { useParsedEvents } from '../../../hooks/use-parsed-events';
import { CheckpointList } from './checkpoint-list';
import { PacDecisions } from './pac-decisions';
import { PacPhases } from './pac-phases';
import { SchemaValidations } from './schema-validations';
import { TelemetrySummaryPanel } from './telemetry-summary-panel';

/** A Benson PAC dispatch: phases, checkpoints, schema validation, BER and WRAP decisions, telemetry summary. */
export function BensonSections({ id, detail }: { readonly id: string; readonly detail: ApiResponse<'getExecution'> }) {
  const { events } = useParsedEvents(detail.events);
  return (
    <>
      <div className="two-columns">
        <CheckpointList checkpoints={detail.checkpoints} />
        <TelemetrySummaryPanel id={id} />
      </div>
      <SchemaValidations events={events} />
      <PacDecisions events={events} />
      <PacPhases events={events} truncated={detail.eventsTruncated} />
    </>
  );
}
