import { useId, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { Badge } from '../../components/badge';
import { RouteLink } from '../../components/route-link';
import { noteTargetLabel, targetNowText } from '../../format/note-text';
import { useBridgeAction } from '../../hooks/use-bridge-action';
import { useJournalRevision } from '../../state/journal-revision-context';

type Note = ApiResponse<'listNotes'>['items'][number];

/**
 * One note or bookmark: who wrote it when, on what (linked), whether that
 * line is still the one in the index, its text and earlier wordings. Editing
 * appends a correction and deleting a deletion: the journal keeps both.
 */
export function NoteItem({ note, canSign, showTarget }: { readonly note: Note; readonly canSign: boolean; readonly showTarget: boolean }) {
  const id = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [draft, setDraft] = useState(note.text);
  const edit = useBridgeAction('editNote');
  const remove = useBridgeAction('deleteNote');
  const { bump } = useJournalRevision();
  const now = targetNowText(note.targetNow);
  const submitEdit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if ((await edit.run({ seq: note.seq, text: draft.trim() })) !== null) {
      setMode('view');
      bump();
    }
  };
  const submitDelete = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if ((await remove.run({ seq: note.seq, ...(draft.trim() === '' ? {} : { reason: draft.trim() }) })) !== null) {
      setMode('view');
      bump();
    }
  };
  const targetLink =
    note.eventIdNow !== null && note.target.eventId !== null ? (
      <RouteLink to={{ view: 'events', eventId: note.eventIdNow }}>{noteTargetLabel(note)}</RouteLink>
    ) : note.target.executionId !== null ? (
      <RouteLink to={{ view: 'execution', id: note.target.executionId }}>{noteTargetLabel(note)}</RouteLink>
    ) : (
      noteTargetLabel(note)
    );
  return (
    <li className={`note-item${note.deleted === null ? '' : ' note-deleted'}`} aria-labelledby={`${id}-head`}>
      <div className="note-head" id={`${id}-head`}>
        <Badge tone={note.kind === 'bookmark' ? 'info' : 'neutral'}>{note.kind}</Badge> <span className="muted small">#{note.seq}</span> <strong>{note.reviewer}</strong>{' '}
        <span className="muted small">{note.at}</span>
        {showTarget && <> · {targetLink}</>}{' '}
        <Badge tone={now.tone} title={now.title}>
          {now.label}
        </Badge>
        {note.deleted !== null && <Badge tone="warn">deleted</Badge>}
      </div>
      {mode === 'edit' ? (
        <form onSubmit={(event) => void submitEdit(event)} aria-label={`Edit note ${note.seq}`}>
          <textarea aria-label="Corrected text" rows={2} maxLength={10_000} value={draft} onChange={(event) => setDraft(event.target.value)} />
          <button type="submit" className="button-small button-primary" disabled={edit.busy}>
            Save correction
          </button>{' '}
          <button type="button" className="button-small" onClick={() => setMode('view')}>
            Cancel
          </button>
          {edit.error !== null && <p className="text-bad" role="alert">{edit.error.message}</p>}
        </form>
      ) : mode === 'delete' ? (
        <form onSubmit={(event) => void submitDelete(event)} aria-label={`Delete note ${note.seq}`}>
          <label className="small" htmlFor={`${id}-reason`}>
            Why (kept in the journal with the note)
          </label>
          <input id={`${id}-reason`} type="text" maxLength={2000} value={draft} onChange={(event) => setDraft(event.target.value)} />
          <button type="submit" className="button-small" disabled={remove.busy}>
            Delete note
          </button>{' '}
          <button type="button" className="button-small" onClick={() => setMode('view')}>
            Cancel
          </button>
          {remove.error !== null && <p className="text-bad" role="alert">{remove.error.message}</p>}
        </form>
      ) : (
        <p className="note-text">{note.text === '' ? <span className="muted">(no text)</span> : note.text}</p>
      )}
      {note.deleted !== null && (
        <p className="muted small">
          Deleted by {note.deleted.reviewer} at {note.deleted.at}
          {note.deleted.reason === '' ? '' : `: ${note.deleted.reason}`}
        </p>
      )}
      {note.history.length > 0 && (
        <details className="note-history small">
          <summary>Earlier wording ({note.history.length})</summary>
          <ol>
            {note.history.map((revision) => (
              <li key={`${revision.seq}-${revision.at}`}>
                <span className="muted">
                  {revision.reviewer}, {revision.at}:
                </span>{' '}
                {revision.text}
              </li>
            ))}
          </ol>
        </details>
      )}
      {note.deleted === null && mode === 'view' && (
        <div className="note-actions">
          <button type="button" className="button-small" disabled={!canSign} title={canSign ? undefined : 'Set your name first'} onClick={() => { setDraft(note.text); setMode('edit'); }}>
            Edit
          </button>{' '}
          <button type="button" className="button-small" disabled={!canSign} title={canSign ? undefined : 'Set your name first'} onClick={() => { setDraft(''); setMode('delete'); }}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
