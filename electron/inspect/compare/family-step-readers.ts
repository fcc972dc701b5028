import type { ExecutionFamily } from '../../../shared/model/family';
import { bensonSteps } from './benson-steps';
import { eventKindSteps } from './event-kind-steps';
import { cycleSteps } from './cycle-steps';
import { execEventSteps } from './exec-event-steps';
import { recordSteps } from './record-steps';
import type { StepReader } from './step-reader';
import { streamSteps } from './stream-steps';

/**
 * The step reader of each family that has its own alignment. A family added
 * through the family registry compiles without one and is compared by its
 * events' kinds (`stepReaderOf`) until it gets one here.
 */
export const FAMILY_STEP_READERS: Readonly<Partial<Record<ExecutionFamily, StepReader>>> = {
  'exec-event': execEventSteps,
  benson: bensonSteps,
  cycle: cycleSteps,
  stream: streamSteps,
  record: recordSteps,
};

/** The step reader of a family: its own, or the event-kind sequence. */
export function stepReaderOf(family: ExecutionFamily): StepReader {
  return FAMILY_STEP_READERS[family] ?? eventKindSteps;
}
