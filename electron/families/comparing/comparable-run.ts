import type { z } from 'zod';
import type { executionDetailSchema } from '../../../shared/api/views';
import type { SideEffectFact } from '../../../shared/model/normalized-event';
import type { RunEvent } from '../../index/queries/comparison-facts';

/** Side effects as a comparison reads them: what was declared and what was observed, not how the two were matched. */
export interface ComparableSideEffects {
  readonly declared: readonly Pick<SideEffectFact, 'stepIndex' | 'category' | 'description' | 'reversible'>[];
  readonly observed: readonly Pick<SideEffectFact, 'stepIndex' | 'category' | 'description' | 'reversible'>[];
}

/**
 * One execution as a comparison reads it: its assembled detail (the family's
 * sections: steps, checkpoints, snapshots, side effects) and all of its events
 * without their text, since the detail lists only the first few hundred.
 */
export interface ComparableRun {
  readonly detail: Pick<z.infer<typeof executionDetailSchema>, 'execution' | 'steps' | 'checkpoints' | 'snapshots'> & { readonly sideEffects: ComparableSideEffects | null };
  readonly events: readonly RunEvent[];
  /** True when the run has more events than were read. */
  readonly truncated: boolean;
}
