import { useState } from 'react';
import { Badge } from '../../components/badge';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { Panel } from '../../components/panel';
import { useJournalApi } from '../../hooks/use-journal-api';
import { AcknowledgementEntries } from './acknowledgement-entries';
import { JournalExport } from './journal-export';
import { NoteItem } from './note-item';
import { ReviewerName } from './reviewer-name';

/**
 * Every note and bookmark of the folder's review journal, in the order they
 * were written, and its rollback acknowledgements, with the journal's verdict,
 * the reviewer name, and the export of the whole journal with its chain.
 * Deleted notes are shown on request.
 */
export function NotesView() {
  const journal = useJournalApi('getJournal', {});
  const notes = useJournalApi('listNotes', {});
  const [showDeleted, setShowDeleted] = useState(false);
  const reviewer = journal.value?.reviewer ?? null;
  const verdict = journal.value?.verdict;
  const items = notes.value?.items.filter((note) => showDeleted || note.deleted === null) ?? [];
  const deletedCount = notes.value?.items.filter((note) => note.deleted !== null).length ?? 0;
  return (
    <div className="view view-notes">
      <h1>Review notes</h1>
      <Panel title="Review journal" actions={<JournalExport />}>
        {journal.value === undefined ? (
          journal.error !== null ? <ErrorState error={journal.error} onRetry={journal.reload} /> : <LoadingState label="Verifying the journal…" />
        ) : (
          <>
            <p>
              <Badge tone={verdict?.state === 'intact' ? 'ok' : 'bad'}>{verdict?.state}</Badge> {verdict?.statement}
            </p>
            <p className="muted small">
              Kept in the app's data folder, never in the evidence folder: <span className="mono">{journal.value.file}</span>
            </p>
            {journal.value.legacyAcknowledgements !== null && (
              <p className="muted small">
                Rollback acknowledgements of an older version ({journal.value.legacyAcknowledgements.file}):{' '}
                {journal.value.legacyAcknowledgements.pending === 0 ? 'all moved into the journal' : `${journal.value.legacyAcknowledgements.pending} not in the journal yet (listed all the same)`}
                {journal.value.legacyAcknowledgements.unreadableLines.length > 0 && `; lines ${journal.value.legacyAcknowledgements.unreadableLines.join(', ')} hold no acknowledgement`}.
              </p>
            )}
            <ReviewerName reviewer={reviewer} />
          </>
        )}
      </Panel>
      <Panel
        title={`Notes and bookmarks (${items.length})`}
        actions={
          deletedCount > 0 && (
            <label className="field-check small">
              <input type="checkbox" checked={showDeleted} onChange={(event) => setShowDeleted(event.target.checked)} /> Show deleted ({deletedCount})
            </label>
          )
        }
      >
        {notes.value === undefined ? (
          notes.error !== null ? <ErrorState error={notes.error} onRetry={notes.reload} /> : <LoadingState label="Loading the notes…" />
        ) : items.length === 0 ? (
          <EmptyState title="No notes yet">
            <p>Add notes and bookmarks on an execution page, on its steps, or on an event.</p>
          </EmptyState>
        ) : (
          <ul className="note-list">
            {items.map((note) => (
              <NoteItem key={note.seq} note={note} canSign={reviewer !== null && verdict?.state === 'intact'} showTarget />
            ))}
          </ul>
        )}
      </Panel>
      <AcknowledgementEntries />
    </div>
  );
}
