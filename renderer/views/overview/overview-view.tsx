import type { ApiResponse } from '../../../shared/api/contract';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { Panel } from '../../components/panel';
import { pendingChecksNote, stillReading } from '../../format/checks-progress';
import type { ApiState } from '../../hooks/use-api';
import { IndexingProgress } from '../start/indexing-progress';
import { FailuresList } from './failures-list';
import { FamilyCounts } from './family-counts';
import { IntegrityCounts } from './integrity-counts';
import { OutcomeCounts } from './outcome-counts';
import { ProblemCodeCounts } from './problem-code-counts';
import { TimelineHistogram } from './timeline-histogram';
import { UntrustedList } from './untrusted-list';

/** The folder at a glance: counts, outcomes, the timeline (brush it to set the time range), failures, problems. */
export function OverviewView({ summary }: { readonly summary: ApiState<ApiResponse<'summary'>> }) {
  if (summary.value === undefined) {
    return (
      <div className="view view-overview">
        <h1>Overview</h1>
        {summary.error !== null ? <ErrorState error={summary.error} onRetry={summary.reload} /> : <LoadingState label="Loading the overview…" />}
      </div>
    );
  }
  const value = summary.value;
  const totalEvents = Object.values(value.events).reduce((sum, n) => sum + n, 0);
  const busy = stillReading(value.progress);
  const pendingNote = pendingChecksNote(value.progress);
  return (
    <div className="view view-overview">
      <div className="view-title">
        <h1>Overview</h1>
        <code className="folder-inline" title="Evidence folder">
          {value.folder}
        </code>
      </div>
      {summary.error !== null && <ErrorState error={summary.error} title="The overview could not be refreshed" onRetry={summary.reload} />}
      {(busy || value.progress.phase === 'failed' || value.progress.phase === 'cancelled') && (
        <Panel title="Indexing">
          <IndexingProgress summary={value} onChanged={summary.reload} />
        </Panel>
      )}
      {totalEvents === 0 && !busy ? (
        <EmptyState title="No telemetry in this folder">
          <p>
            {value.files.indexed} files were read and {value.files.skipped} skipped; none held events of a known family or JSON objects. See the <a href="#/start">folder</a> page.
          </p>
        </EmptyState>
      ) : (
        <div className="overview-grid">
          {/* First when there is any: a record that cannot be trusted may claim success, so no count would show it. */}
          {(value.executionsByIntegrity['broken'] ?? 0) > 0 && (
            <Panel title={`Records that cannot be trusted (${value.executionsByIntegrity['broken'] ?? 0})`} className="span-all">
              <UntrustedList />
            </Panel>
          )}
          <Panel title="Timeline of events" className="span-all">
            <TimelineHistogram />
          </Panel>
          <Panel title="Families">
            <FamilyCounts events={value.events} executions={value.executions} />
          </Panel>
          <Panel title="Executions by outcome">
            <OutcomeCounts byOutcome={value.executionsByOutcome} />
          </Panel>
          <Panel title="Tamper evidence (records)">
            <IntegrityCounts byIntegrity={value.executionsByIntegrity} reading={busy} />
          </Panel>
          <Panel title={`Problems (${value.problems}${pendingNote === null ? '' : ' so far'})`} actions={<a href="#/problems">All problems</a>}>
            <ProblemCodeCounts byCode={value.problemsByCode} pendingNote={pendingNote} />
          </Panel>
          <Panel title="Failed executions" className="span-all" actions={<a href="#/executions">All executions</a>}>
            <FailuresList />
          </Panel>
        </div>
      )}
    </div>
  );
}
