import { parseExecutionId } from '../../../shared/model/execution-id';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { NotAnExecutionId } from '../../components/not-an-execution-id';
import { useApi } from '../../hooks/use-api';
import { useJournalApi } from '../../hooks/use-journal-api';
import { ExecutionNotesContext } from '../../state/execution-notes-context';
import { ExecutionEvents } from './execution-events';
import { ExecutionHeader } from './execution-header';
import { ExecutionNotes } from './execution-notes';
import { ExecutionProblems } from './execution-problems';
import { FAMILY_VIEWS } from './family-views';
import { WaterfallPanel } from './waterfall/waterfall-panel';

/**
 * One execution of any family: its header, its family's sections, its problems
 * and events. While the folder is still read (`reading`), it says that what it
 * shows covers the events read so far: a later line may finish, fail or break it.
 */
export function ExecutionView({ id, reading }: { readonly id: string; readonly reading: boolean }) {
  const valid = parseExecutionId(id) !== null;
  const detail = useApi('getExecution', valid ? { id } : null);
  const notes = useJournalApi('listNotes', valid ? { executionId: id } : null);
  const back = (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <a href="#/executions">Executions</a> <span aria-hidden="true">/</span> <span aria-current="page">{id}</span>
    </nav>
  );
  if (!valid) {
    return (
      <div className="view view-execution">
        {back}
        <NotAnExecutionId />
      </div>
    );
  }
  if (detail.value === undefined) {
    return (
      <div className="view view-execution">
        {back}
        {detail.error === null ? (
          <LoadingState label="Loading the execution…" />
        ) : detail.error.code === 'not_found' ? (
          <EmptyState title="No such execution in this folder" pageTitle>
            <p>
              <code>{id}</code> is not in the index. It may be in another folder, or not indexed yet.
            </p>
          </EmptyState>
        ) : (
          <ErrorState error={detail.error} onRetry={detail.reload} />
        )}
      </div>
    );
  }
  const value = detail.value;
  const view = FAMILY_VIEWS[value.execution.family];
  return (
    <ExecutionNotesContext.Provider value={notes.value}>
      <div className="view view-execution">
        {back}
        <ExecutionHeader detail={value} />
        {reading && (
          <p className="notice" role="note">
            The folder is still being read: this execution may have events not read yet. Its status, steps, problems and tamper evidence cover what was read so far.
          </p>
        )}
        {detail.error !== null && <ErrorState error={detail.error} title="The execution could not be refreshed" />}
        <WaterfallPanel id={id} title={view.waterfallTitle} />
        <view.Sections id={id} detail={value} />
        <ExecutionNotes id={id} detail={value} notes={notes.value} />
        <ExecutionProblems problems={value.problems} />
        {!view.listsOwnEvents && <ExecutionEvents id={id} counted={value.execution.eventCount} />}
      </div>
    </ExecutionNotesContext.Provider>
  );
}
