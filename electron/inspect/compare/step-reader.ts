import type { ComparedStep } from '../../../shared/model/comparison';
import type { ComparableRun } from './comparable-run';

/** How one family's runs are cut into comparable steps; the steps' keys decide what pairs up. */
export interface StepReader {
  /** How the family's steps are aligned, in words (shown above a comparison). */
  readonly alignedBy: string;
  /** False when the steps come from the detail alone (records): then only a run's first and last events are read, for evidence. */
  readonly readsEvents: boolean;
  /** The run's steps in run order, each with a key unique within the run. */
  steps(run: ComparableRun): ComparedStep[];
}
