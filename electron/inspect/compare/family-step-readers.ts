import type { ExecutionFamily } from '../../../shared/model/family';
import { bensonSteps } from './benson-steps';
import { cycleSteps } from './cycle-steps';
import { execEventSteps } from './exec-event-steps';
import { recordSteps } from './record-steps';
import type { StepReader } from './step-reader';
import { streamSteps } from './stream-steps';

/** Each family's step reader; a new family does not compile until it has one. */
export const FAMILY_STEP_READERS: Readonly<Record<ExecutionFamily, StepReader>> = {
  'exec-event': execEventSteps,
  benson: bensonSteps,
  cycle: cycleSteps,
  stream: streamSteps,
  record: recordSteps,
};
