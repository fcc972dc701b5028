import type { ExecutionDetail } from '../assemble-execution';
import type { RunEvent } from '../../index/queries/comparison-facts';

/**
 * One execution as a comparison reads it: its assembled detail (the family's
 * sections: steps, checkpoints, snapshots, side effects) and all of its events
 * without their text, since the detail lists only the first few hundred.
 */
export interface ComparableRun {
  readonly detail: Pick<ExecutionDetail, 'execution' | 'steps' | 'checkpoints' | 'snapshots' | 'sideEffects'>;
  readonly events: readonly RunEvent[];
  /** True when the run has more events than were read. */
  readonly truncated: boolean;
}
