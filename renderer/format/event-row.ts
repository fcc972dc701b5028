import type { z } from 'zod';
import type { eventRowSchema } from '../../shared/api/views';
import { formatTimestamp } from './time';

/** One row of an events list, as the API sends it. */
export type EventRow = z.infer<typeof eventRowSchema>;

/** The text of each cell of an events list row. */
export interface EventRowCells {
  readonly time: string;
  readonly family: string;
  readonly kind: string;
  readonly status: string;
  readonly location: string;
  readonly preview: string;
}

/** Formats one visible events row. The preview is the raw line's start, shown as text. */
export function eventRowCells(row: EventRow): EventRowCells {
  return {
    time: formatTimestamp(row.ts),
    family: row.family,
    kind: row.kind === '' ? '(no kind)' : row.kind,
    status: [row.status, row.errorCode].filter((part): part is string => part !== null && part !== '').join(' · '),
    location: `${row.source.path}:${row.source.line}`,
    preview: row.preview.replace(/\s+/g, ' '),
  };
}

/** One sentence a screen reader says for an events row. */
export function eventRowLabel(row: EventRow): string {
  const cells = eventRowCells(row);
  return [cells.time, cells.family, cells.kind, cells.status, row.failed ? 'failed' : '', cells.location].filter((part) => part !== '').join(', ');
}
