import type { ExecutionFamily } from '../../../shared/model/family';
import { eventKindSteps } from '../../families/comparing/event-kind-steps';
import type { StepReader } from '../../families/comparing/step-reader';
import { FAMILY_MODULES } from '../../families/family-registry';

/** The step reader of a family: its own (the family module's `compare`), or the event-kind sequence. */
export function stepReaderOf(family: ExecutionFamily): StepReader {
  return FAMILY_MODULES[family].compare?.steps ?? eventKindSteps;
}
