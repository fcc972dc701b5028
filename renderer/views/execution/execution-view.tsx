import { parseExecutionId } from '../../../shared/model/execution-id';
import { assertNever } from '../../../shared/model/family';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { NotAnExecutionId } from '../../components/not-an-execution-id';
import { useApi } from '../../hooks/use-api';
import { BensonSections } from './benson/benson-sections';
import { CycleSections } from './cycle/cycle-sections';
import { ExecEventSections } from './exec-event/exec-event-sections';
import { ExecutionEvents } from './execution-events';
import { ExecutionHeader } from './execution-header';
import { ExecutionProblems } from './execution-problems';
import { RecordSections } from './record/record-sections';
import { StreamSections } from './stream/stream-sections';

/** One execution of any family: its header, its family's sections, its problems and events. */
export function ExecutionView({ id }: { readonly id: string }) {
  const valid = parseExecutionId(id) !== null;
  const detail = useApi('getExecution', valid ? { id } : null);
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
          <EmptyState title="No such execution in this folder">
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
  const family = value.execution.family;
  return (
    <div className="view view-execution">
      {back}
      <ExecutionHeader detail={value} />
      {detail.error !== null && <ErrorState error={detail.error} title="The execution could not be refreshed" />}
      {familySections()}
      <ExecutionProblems problems={value.problems} />
      {family !== 'stream' && <ExecutionEvents id={id} />}
    </div>
  );

  function familySections() {
    switch (family) {
      case 'record':
        return <RecordSections id={id} detail={value} />;
      case 'benson':
        return <BensonSections id={id} detail={value} />;
      case 'cycle':
        return <CycleSections detail={value} />;
      case 'stream':
        return <StreamSections id={id} detail={value} />;
      case 'exec-event':
        return <ExecEventSections detail={value} />;
      default:
        return assertNever(family, 'family');
    }
  }
}
