import type { ApiResponse } from '../../../shared/api/contract';
import type { NoteTargetOption } from '../notes/note-form';
import { NotesPanel } from '../notes/notes-panel';

/** The execution page's notes: on the execution itself, on each of its steps, and on its events (listed with where they are). */
export function ExecutionNotes({ id, detail, notes }: { readonly id: string; readonly detail: ApiResponse<'getExecution'>; readonly notes: ApiResponse<'listNotes'> | undefined }) {
  const targets: NoteTargetOption[] = [
    { label: 'This execution', target: { executionId: id } },
    ...detail.steps.flatMap((step) => (step.index === null ? [] : [{ label: `Step ${step.index}${step.name === null ? '' : `: ${step.name}`}`, target: { executionId: id, stepIndex: step.index } }])),
  ];
  return <NotesPanel request={{ executionId: id }} targets={targets} notes={notes} />;
}
