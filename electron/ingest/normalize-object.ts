import { assertNever } from '../../shared/model/family';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import { detectFamily } from './detect-family';
import { normalizeBenson } from './normalizers/benson';
import { normalizeCycle } from './normalizers/cycle';
import { normalizeExecEvent } from './normalizers/exec-event';
import { normalizeGeneric } from './normalizers/generic';
import { normalizeRecord } from './normalizers/record';
import { normalizeStream } from './normalizers/stream';

/** Detects the family of one parsed JSON object by its shape and normalizes it; never throws on odd input. */
export function normalizeObject(obj: Record<string, unknown>): NormalizedEvent {
  const family = detectFamily(obj);
  switch (family) {
    case 'exec-event':
      return normalizeExecEvent(obj);
    case 'benson':
      return normalizeBenson(obj);
    case 'cycle':
      return normalizeCycle(obj);
    case 'stream':
      return normalizeStream(obj);
    case 'record':
      return normalizeRecord(obj);
    case 'generic':
      return normalizeGeneric(obj);
    default:
      return assertNever(family, 'family');
  }
}
