import type { z } from 'zod';
import type { eventRowSchema } from '../../shared/api/views';
import { maskFlaggedValues, type TextPart } from './secret-mask';
import { formatTimestamp } from './time';
import { withVisibleControls } from './visible-controls';

/** One row of an events list, as the API sends it. */
export type EventRow = z.infer<typeof eventRowSchema>;

/** The text of each cell of an events list row. */
export interface EventRowCells {
  readonly time: string;
  readonly family: string;
  readonly kind: string;
  readonly status: string;
  readonly location: string;
  /** The start of the raw line, whitespace runs as one space, values flagged as secrets masked. */
  readonly preview: readonly TextPart[];
}

/** Formats one visible events row. The preview is the raw line's start, shown as text, with flagged values masked. */
export function eventRowCells(row: EventRow): EventRowCells {
  return {
    time: formatTimestamp(row.ts),
    family: row.family,
    kind: row.kind === '' ? '(no kind)' : withVisibleControls(row.kind),
    status: withVisibleControls([row.status, row.errorCode].filter((part): part is string => part !== null && part !== '').join(' · ')),
    location: withVisibleControls(`${row.source.path}:${row.source.line}`),
    preview: maskFlaggedValues(
      row.preview,
      row.secretFlags.map((flag) => flag.message),
    ).map((part) => ({ text: part.text.replace(/\s+/g, ' '), masked: part.masked })),
  };
}

/** One sentence a screen reader says for an events row. */
export function eventRowLabel(row: EventRow): string {
  const cells = eventRowCells(row);
  return [cells.time, cells.family, cells.kind, cells.status, row.failed ? 'failed' : '', cells.location].filter((part) => part !== '').join(', ');
}
