import type { ApiResponse } from '../../shared/api/contract';

type Note = ApiResponse<'listNotes'>['items'][number];
type Verdict = ApiResponse<'listNotes'>['verdict'];

/** What a note is on, in a few words: the execution, one of its steps, or an event by file and line. */
export function noteTargetLabel(note: Pick<Note, 'target' | 'line'>): string {
  const place = note.line === null ? '' : ` (${note.line.path}:${note.line.line})`;
  if (note.target.eventId !== null) return `event${place}`;
  if (note.target.stepIndex !== null) return `step ${note.target.stepIndex} of ${note.target.executionId ?? 'its execution'}`;
  return note.target.executionId ?? 'execution';
}

/** Whether the line a note was written on is still the one at its place in the index, for a badge and its tooltip. */
export function targetNowText(targetNow: Note['targetNow']): { readonly label: string; readonly tone: 'ok' | 'warn' | 'bad'; readonly title: string } {
  switch (targetNow) {
    case 'matches':
      return { label: 'line unchanged', tone: 'ok', title: 'The line this note was written on is at its place with the same SHA-256.' };
    case 'changed':
      return { label: 'line changed', tone: 'bad', title: 'Another line is now at the place this note was written on: the evidence changed since.' };
    case 'missing':
      return { label: 'line not indexed', tone: 'warn', title: 'No indexed event is at the place this note was written on now.' };
  }
}

/** The sentence a banner shows when the journal does not verify; null when it does. */
export function journalProblemText(verdict: Verdict): string | null {
  if (verdict.state === 'intact' || verdict.brokenAt === null) return null;
  const entry = verdict.brokenAt.seq === null ? '' : ` (entry ${verdict.brokenAt.seq})`;
  return verdict.state === 'truncated'
    ? `The review journal's last line${entry} was cut short, as by a crash while it was written. The ${verdict.entries} entries before it verify; nothing can be added until the file is looked at.`
    : `The review journal is broken at line ${verdict.brokenAt.line}${entry}: ${verdict.brokenAt.message}. Only the ${verdict.entries} entries before it are shown; nothing can be added.`;
}
