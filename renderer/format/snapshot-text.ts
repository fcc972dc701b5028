import type { FieldChange } from '../../shared/model/inspection';
import { assertNever } from '../../shared/model/family';

/** The words of a snapshot field's change; a missing snapshot is named, never read as every field removed. */
export function fieldChangeText(change: FieldChange): string {
  switch (change) {
    case 'added':
    case 'removed':
    case 'changed':
    case 'same':
      return change;
    case 'no_post_snapshot':
      return 'no post snapshot';
    case 'no_pre_snapshot':
      return 'no pre snapshot';
    default:
      return assertNever(change, 'field change');
  }
}
