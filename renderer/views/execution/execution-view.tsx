import { parseExecutionId } from '../../../shared/model/execution-id';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { useApi } from '../../hooks/use-api';
import { ExecutionEvents } from './execution-events';
import { ExecutionHeader } from './execution-header';
import { ExecutionProblems } from './execution-problems';
import { FAMILY_VIEWS } from './family-views';
import { WaterfallPanel } from './waterfall/waterfall-panel';

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
        <EmptyState title="Not an execution id">
          <p>
            Execution ids look like <code>record:exec-001</code>: a family, a colon, the key.
          </p>
        </EmptyState>
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
  const view = FAMILY_VIEWS[value.execution.family];
  return (
    <div className="view view-execution">
      {back}
      <ExecutionHeader detail={value} />
      {detail.error !== null && <ErrorState error={detail.error} title="The execution could not be refreshed" />}
      <WaterfallPanel id={id} title={view.waterfallTitle} />
      <view.Sections id={id} detail={value} />
      <ExecutionProblems problems={value.problems} />
      {!view.listsOwnEvents && <ExecutionEvents id={id} />}
    </div>
  );
}
