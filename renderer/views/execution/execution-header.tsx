import type { ApiResponse } from '../../../shared/api/contract';
import { Badge } from '../../components/badge';
import { CopyLinkButton } from '../../components/copy-link-button';
import { KeyValueList } from '../../components/key-value-list';
import { outcomeTone, statusTone } from '../../format/execution-row';
import { executionSpan } from '../../format/execution-span';
import { claimedStatus, integrityText } from '../../format/integrity-text';
import { formatCount } from '../../format/numbers';
import { recordDisagreement } from '../../format/record-disagreement';
import { formatDuration, formatTimestamp } from '../../format/time';
import { BaselinePanel } from './baseline-panel';
import { FAMILY_VIEWS } from './family-views';
import { IntegrityNotice } from './integrity-notice';
import { ReportExport } from './report-export';

/** Who, what and when of an execution, with its verdict badges and the report export. */
export function ExecutionHeader({ detail }: { readonly detail: ApiResponse<'getExecution'> }) {
  const row = detail.execution;
  const span = executionSpan(row, detail.steps);
  const status = claimedStatus(row.status ?? 'no status', statusTone(row.status ?? row.outcome), row.integrity);
  const outcome = claimedStatus(row.outcome, outcomeTone(row.outcome), row.integrity);
  const integrity = integrityText(row.integrity);
  const FamilyBadge = FAMILY_VIEWS[row.family].HeaderBadge;
  const disagreement = recordDisagreement(detail.problems);
  const items: [string, string][] = [
    ['Execution id', row.id],
    ['Started (UTC)', formatTimestamp(span.startMs)],
    ['Ended (UTC)', formatTimestamp(span.endMs)],
    ['Duration', formatDuration(span.durationMs)],
    ['Events', formatCount(row.eventCount)],
    ['Failures', formatCount(row.failureCount)],
    ['Problems', formatCount(row.problemCount)],
  ];
  if (row.planId !== null) items.splice(1, 0, ['Plan id', row.planId]);
  if (row.actor !== null) items.push(['Actor', row.actor]);
  if (row.product !== null) items.push(['Product', row.product]);
  if (row.label !== null && row.label !== row.key && row.label !== row.actor) items.push(['Label', row.label]);
  return (
    <header className="exec-header">
      <div className="exec-title">
        <h1>{row.key}</h1>
        <div className="badges">
          <span className={`family family-${row.family}`}>{row.family}</span>
          {row.liveMode !== null && (
            <Badge tone={row.liveMode === 'LIVE' ? 'bad' : 'info'} title={row.liveMode === 'LIVE' ? 'This run changed real systems' : 'A rehearsal: nothing was changed'}>
              {row.liveMode}
            </Badge>
          )}
          <Badge tone={status.tone} title="Status">
            {status.text}
          </Badge>
          {(row.status ?? '').toLowerCase() !== row.outcome && (
            <Badge tone={outcome.tone} title="Outcome">
              {outcome.text}
            </Badge>
          )}
          {disagreement !== null && (
            <Badge tone="warn" title={disagreement}>
              stream and document disagree
            </Badge>
          )}
          {row.integrity === 'broken' && (
            <Badge tone="bad" title={integrity.sentence}>
              cannot be trusted: hashes do not match
            </Badge>
          )}
          {FamilyBadge !== null && <FamilyBadge id={row.id} />}
        </div>
      </div>
      <IntegrityNotice integrity={row.integrity} />
      {disagreement !== null && (
        <p className="notice notice-warn" role="note">
          {disagreement}
        </p>
      )}
      <KeyValueList items={items} className="kv-inline" />
      <BaselinePanel id={row.id} />
      <div className="exec-actions">
        <ReportExport id={row.id} />
        <CopyLinkButton to={{ view: 'execution', id: row.id }} description="Copy a link to this execution" />
      </div>
    </header>
  );
}
