import { useId, useState, type FormEvent } from 'react';
import type { ApiRequest } from '../../../shared/api/contract';
import { useBridgeAction } from '../../hooks/use-bridge-action';
import { useJournalRevision } from '../../state/journal-revision-context';

/** A place a note can be written on, as the form offers it. */
export interface NoteTargetOption {
  readonly label: string;
  readonly target: Pick<ApiRequest<'addNote'>, 'executionId' | 'stepIndex' | 'eventId'>;
}

/**
 * Adds a note or a bookmark on one of the offered targets. Disabled until a
 * reviewer name is set (the panel asks for it); the entry quotes the target's
 * line, so what the note was written on stays known.
 */
export function NoteForm({ targets, canSign, label }: { readonly targets: readonly NoteTargetOption[]; readonly canSign: boolean; readonly label: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'note' | 'bookmark'>('note');
  const [choice, setChoice] = useState(0);
  const add = useBridgeAction('addNote');
  const { bump } = useJournalRevision();
  const target = targets[choice] ?? targets[0];
  const ready = canSign && target !== undefined && (kind === 'bookmark' || text.trim() !== '') && !add.busy;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!ready) return;
    if ((await add.run({ kind, text: text.trim(), ...target.target })) !== null) {
      setText('');
      bump();
    }
  };
  return (
    <form className="note-form" onSubmit={(event) => void submit(event)} aria-label={label}>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value === 'bookmark' ? 'bookmark' : 'note')}>
            <option value="note">Note</option>
            <option value="bookmark">Bookmark</option>
          </select>
        </div>
        {targets.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-on`}>On</label>
            <select id={`${id}-on`} value={choice} onChange={(event) => setChoice(Number(event.target.value))}>
              {targets.map((option, position) => (
                <option key={option.label} value={position}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{kind === 'bookmark' ? 'Label (optional)' : 'Note'}</label>
        <textarea id={`${id}-text`} rows={2} maxLength={10_000} value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      {add.error !== null && (
        <p className="text-bad" role="alert">
          Not added: {add.error.message}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={!ready}>
        {add.busy ? 'Adding…' : kind === 'bookmark' ? 'Add bookmark' : 'Add note'}
      </button>
    </form>
  );
}
