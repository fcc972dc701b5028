import type { ApiResponse } from '../../../../shared/api/contract';
import { ChainDetails } from './chain-details';
import { RollbackPanel } from './rollback-panel';
import { SecurityDiffPanel } from './security-diff-panel';
import { SideEffectsPanel } from './side-effects-panel';
import { StepTimeline } from './step-timeline';

/** A record execution: steps, tamper evidence, security diff, side effects and the rollback scaffold. */
export function RecordSections({ id, detail }: { readonly id: string; readonly detail: ApiResponse<'getExecution'> }) {
  return (
    <>
      <StepTimeline id={id} steps={detail.steps} />
      <div className="two-columns">
        <SecurityDiffPanel id={id} />
        <ChainDetails id={id} />
      </div>
      <SideEffectsPanel id={id} />
      <RollbackPanel id={id} executionKey={detail.execution.key} />
    </>
  );
}
