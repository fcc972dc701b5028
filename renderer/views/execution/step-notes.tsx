import { useExecutionNotes } from '../../state/execution-notes-context';

/** The live notes and bookmarks on one step, shown in the step's row (they are added and edited in the page's Notes panel). */
export function StepNotes({ stepIndex }: { readonly stepIndex: number | null }) {
  const notes = useExecutionNotes();
  const mine = stepIndex === null ? [] : (notes?.items ?? []).filter((note) => note.target.stepIndex === stepIndex && note.target.eventId === null && note.deleted === null);
  if (mine.length === 0) return null;
  return (
    <ul className="step-notes" aria-label={`Notes on step ${stepIndex ?? ''}`}>
      {mine.map((note) => (
        <li key={note.seq} className="small">
          <span className="muted">
            {note.kind} #{note.seq}, {note.reviewer}:
          </span>{' '}
          {note.text}
        </li>
      ))}
    </ul>
  );
}
