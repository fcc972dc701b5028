import { FAMILIES, type Family } from '../../shared/model/family';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import type { IndexFamilyRules } from '../index/family-rules';
import { bensonFamily } from './benson/benson-family';
import { cycleFamily } from './cycle/cycle-family';
import { execEventFamily } from './exec-event/exec-event-family';
import type { FamilyModule, LinePart } from './family-module';
import { genericFamily } from './generic/generic-family';
import { otlpFamily } from './otlp/otlp-family';
import { recordFamily } from './record/record-family';
import { streamFamily } from './stream/stream-family';

/**
 * The one registry of families. Its type asks for a module of every name in
 * `FAMILIES`, and `FamilyModule` for every part of one, so a new family does
 * not compile until it is whole. Ingest, the index writer, the cross-event
 * checks and the assembler all go through it.
 */
export const FAMILY_MODULES: { readonly [F in Family]: FamilyModule<F> } = {
  'exec-event': execEventFamily,
  benson: bensonFamily,
  cycle: cycleFamily,
  stream: streamFamily,
  record: recordFamily,
  otlp: otlpFamily,
  generic: genericFamily,
};

/** The modules in the order detection tries them. */
const DETECTION_ORDER: readonly FamilyModule[] = Object.values(FAMILY_MODULES).sort((a, b) => a.detectionRank - b.detectionRank);

/** What the index writer needs of every family. */
export const INDEX_FAMILY_RULES: IndexFamilyRules = Object.fromEntries(FAMILIES.map((family) => [family, FAMILY_MODULES[family].index])) as IndexFamilyRules;

/**
 * Detects the producer family of a parsed JSON object by its shape alone, never
 * by file name: folders mix families and files get renamed by rotation.
 */
export function detectFamily(obj: Record<string, unknown>): Family {
  for (const module of DETECTION_ORDER) if (module.detect(obj)) return module.family;
  return 'generic';
}

/** Detects the family of one parsed JSON object by its shape and normalizes it; never throws on odd input. */
export function normalizeObject(obj: Record<string, unknown>): NormalizedEvent {
  return FAMILY_MODULES[detectFamily(obj)].normalize(obj);
}

/**
 * Detects the family of one parsed JSON object and normalizes it into the
 * events of its line: one for most families, one per span for an OTLP request.
 */
export function normalizeLine(obj: Record<string, unknown>): readonly [LinePart, ...LinePart[]] {
  const module: FamilyModule = FAMILY_MODULES[detectFamily(obj)];
  return module.normalizeParts?.(obj) ?? [{ event: module.normalize(obj), searched: obj }];
}

/** A short label for an execution list row, decided from the event and the file it came from. */
export function eventLabel(event: NormalizedEvent, sourcePath: string): string | null {
  return FAMILY_MODULES[event.family].label(event, sourcePath);
}

/** Whether a line's first bytes (as text) start a document a family reads whole from one line (see FamilyModule.longLineStart). */
export function startsLongLine(head: string): boolean {
  return FAMILIES.some((family) => FAMILY_MODULES[family].longLineStart?.test(head) === true);
}
