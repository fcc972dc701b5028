import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { acknowledgementNote } from '../../../format/checks-progress';
import { confirmsExecution } from '../../../format/rollback-text';
import { useJournalApi } from '../../../hooks/use-journal-api';
import { useBridge } from '../../../state/bridge-context';
import { callBridge } from '../../../state/call-bridge';
import { useIndexingProgress } from '../../../state/indexing-progress-context';

/** What the confirmation form needs: the execution, the scaffold hash that was shown, and what to do after. */
export interface RollbackFormProps {
  readonly id: string;
  readonly executionKey: string;
  readonly scaffoldHash: string;
  readonly onClose: () => void;
  readonly onAcknowledged: (reviewer: string) => void;
  readonly onStale: () => void;
}

/**
 * The reviewer's name, the execution id typed out, an optional note; the
 * confirm button stays disabled until both are there. Submitting records an
 * acknowledgement of the scaffold hash shown, and a `stale` answer hands back
 * to the panel to reload the scaffold.
 */
export function RollbackForm({ id, executionKey, scaffoldHash, onClose, onAcknowledged, onStale }: RollbackFormProps) {
  const bridge = useBridge();
  const formId = useId();
  const [reviewer, setReviewer] = useState('');
  // The name saved for the review journal fills the field once, if the reviewer has not typed one.
  const saved = useJournalApi('getJournal', {}).value?.reviewer ?? null;
  const prefilled = useRef(false);
  useEffect(() => {
    if (saved === null || prefilled.current) return;
    prefilled.current = true;
    setReviewer((typed) => (typed === '' ? saved : typed));
  }, [saved]);
  // The frame's live summary, not one more of its own: this form is mounted, closed, on every record's page.
  const progress = useIndexingProgress();
  const incomplete = progress === null ? null : acknowledgementNote(progress);
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = reviewer.trim() !== '' && confirmsExecution(typed, executionKey) && !busy;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    const result = await callBridge(bridge, 'acknowledgeRollback', { id, reviewer: reviewer.trim(), scaffoldHash, ...(note.trim() !== '' ? { note: note.trim() } : {}) });
    setBusy(false);
    if (result.ok) onAcknowledged(result.value.reviewer);
    else if (result.error.code === 'stale') onStale();
    else setError(result.error.message);
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-describedby={`${formId}-nothing`}>
      <p id={`${formId}-nothing`} className="notice notice-strong">
        <strong>Nothing will be executed.</strong> Confirming only records, in the inspector's own data folder, that you reviewed this rollback scaffold and
        will carry out its steps yourself, by hand, outside the inspector.
      </p>
      {incomplete !== null && (
        <p className="notice notice-warn" role="note">
          {incomplete}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${formId}-reviewer`}>Your name (reviewer)</label>
        <input id={`${formId}-reviewer`} data-autofocus type="text" autoComplete="name" value={reviewer} maxLength={200} onChange={(event) => setReviewer(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-typed`}>
          Type the execution id <code>{executionKey}</code> to confirm
        </label>
        <input id={`${formId}-typed`} type="text" autoComplete="off" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-note`}>Note (optional)</label>
        <textarea id={`${formId}-note`} rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {error !== null && (
        <p className="text-bad" role="alert">
          Not recorded: {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={!ready}>
          {busy ? 'Recording…' : 'Record acknowledgement'}
        </button>
      </div>
    </form>
  );
}
