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
 * and the form to add one on the offered targets.
 */
export function NotesPanel({ request, targets, notes }: { readonly request: ApiRequest<'listNotes'>; readonly targets: readonly NoteTargetOption[]; readonly notes?: ApiResponse<'listNotes'> | undefined }) {
  const fetched = useJournalApi('listNotes', notes === undefined ? request : null);
  const journal = useJournalApi('getJournal', {});
  const list = notes ?? fetched.value;
  const reviewer = journal.value?.reviewer ?? null;
  const live = list?.items.filter((note) => note.deleted === null) ?? [];
  const deleted = list?.items.filter((note) => note.deleted !== null) ?? [];
  return (
    <Panel title={`Notes (${live.length})`} className="panel-notes">
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
      <NoteForm targets={targets} canSign={reviewer !== null && journal.value?.verdict.state === 'intact'} />
    </Panel>
  );
}
