import type { ApiRequest, ApiResponse } from '../../../shared/api/contract';
import { ErrorState } from '../../components/error-state';
import { Panel } from '../../components/panel';
import { useJournalApi } from '../../hooks/use-journal-api';
import { NoteForm, type NoteTargetOption } from './note-form';
import { NoteItem } from './note-item';
import { ReviewerName } from './reviewer-name';

/**
 * The notes shown where their target is shown (an execution page, an event):
 * the live ones with their edit and delete actions, deleted ones folded away,
 * and the form to add one on the offered targets. `about` names what they are on
 * ("this event") where the page shows another notes panel too (an event's
 * detail on its execution's page), so each panel and form has its own name.
 */
export function NotesPanel({
  request,
  targets,
  notes,
  about,
}: {
  readonly request: ApiRequest<'listNotes'>;
  readonly targets: readonly NoteTargetOption[];
  readonly notes?: ApiResponse<'listNotes'> | undefined;
  readonly about?: string;
}) {
  const fetched = useJournalApi('listNotes', notes === undefined ? request : null);
  const journal = useJournalApi('getJournal', {});
  const list = notes ?? fetched.value;
  const reviewer = journal.value?.reviewer ?? null;
  const live = list?.items.filter((note) => note.deleted === null) ?? [];
  const deleted = list?.items.filter((note) => note.deleted !== null) ?? [];
  return (
    <Panel title={`${about === undefined ? 'Notes' : `Notes on ${about}`} (${live.length})`} className="panel-notes">
      {fetched.error !== null && <ErrorState error={fetched.error} onRetry={fetched.reload} />}
      {live.length === 0 ? (
        <p className="muted">No notes here yet.</p>
      ) : (
        <ul className="note-list">
          {live.map((note) => (
            <NoteItem key={note.seq} note={note} canSign={reviewer !== null} showTarget={targets.length > 1} />
          ))}
        </ul>
      )}
      {deleted.length > 0 && (
        <details className="small">
          <summary>Deleted notes ({deleted.length})</summary>
          <ul className="note-list">
            {deleted.map((note) => (
              <NoteItem key={note.seq} note={note} canSign={false} showTarget={targets.length > 1} />
            ))}
          </ul>
        </details>
      )}
      <ReviewerName reviewer={reviewer} />
      <NoteForm targets={targets} label={about === undefined ? 'Add a note' : `Add a note on ${about}`} canSign={reviewer !== null && journal.value?.verdict.state === 'intact'} />
    </Panel>
  );
}
