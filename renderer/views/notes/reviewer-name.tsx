import { useId, useState, type FormEvent } from 'react';
import { useBridgeAction } from '../../hooks/use-bridge-action';
import { useJournalRevision } from '../../state/journal-revision-context';

/**
 * Who signs new journal entries: the name saved in the app's data folder,
 * asked for before the first note, and changeable. Entries keep the name they
 * were written with.
 */
export function ReviewerName({ reviewer }: { readonly reviewer: string | null }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const save = useBridgeAction('setReviewer');
  const { bump } = useJournalRevision();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '') return;
    if ((await save.run({ reviewer: name.trim() })) !== null) {
      setEditing(false);
      bump();
    }
  };
  if (reviewer !== null && !editing) {
    return (
      <p className="reviewer-name small">
        Signing as <strong>{reviewer}</strong>{' '}
        <button type="button" className="button-small" onClick={() => { setName(reviewer); setEditing(true); }}>
          Change name
        </button>
      </p>
    );
  }
  return (
    <form className="reviewer-name field-pair" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{reviewer === null ? 'Your name, to sign your notes' : 'Sign as'}</label>
        <input id={`${id}-name`} type="text" autoComplete="name" maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <button type="submit" className="button-small" disabled={save.busy || name.trim() === ''}>
        Save name
      </button>
      {save.error !== null && <p className="text-bad" role="alert">{save.error.message}</p>}
    </form>
  );
}
