import { Badge } from '../../../components/badge';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Panel } from '../../../components/panel';
import { sideEffectGroups } from '../../../format/side-effect-groups';
import { useApi } from '../../../hooks/use-api';

/** Side effects declared by the plan vs observed while running, by category: undeclared, unobserved and irreversible flagged. */
export function SideEffectsPanel({ id }: { readonly id: string }) {
  const report = useApi('getSideEffectReport', { id });
  if (report.value === undefined) {
    return <Panel title="Side effects: declared vs observed">{report.error !== null ? <ErrorState error={report.error} onRetry={report.reload} /> : <LoadingState />}</Panel>;
  }
  const value = report.value;
  if (!value.observedReported) {
    return (
      <Panel title="Side effects: declared vs observed">
        <p className="summary-line">
          This record carries no side-effect report: nothing says what the run changed, which is not the same as nothing changed. {value.declared.length} declared.
        </p>
      </Panel>
    );
  }
  const groups = sideEffectGroups(value);
  return (
    <Panel title="Side effects: declared vs observed">
      <p className="summary-line">
        {value.declared.length} declared, {value.observed.length} observed · <span className={value.undeclared.length > 0 ? 'text-bad' : ''}>{value.undeclared.length} undeclared</span> ·{' '}
        <span className={value.unobserved.length > 0 ? 'text-warn' : ''}>{value.unobserved.length} unobserved</span> ·{' '}
        <span className={value.irreversible.length > 0 ? 'text-bad' : ''}>{value.irreversible.length} irreversible</span>
      </p>
      {groups.length === 0 ? (
        <EmptyState title="No side effects declared or observed" />
      ) : (
        groups.map((group) => (
          <section key={group.category} className="effect-group" aria-label={`${group.category} side effects`}>
            <h3>
              {group.category} <span className="muted">({group.declared} declared, {group.observed} observed)</span>
            </h3>
            <ul className="effects">
              {group.entries.map((entry, position) => (
                <li key={position} className={`effect effect-${entry.status}${entry.irreversible ? ' effect-irreversible' : ''}`}>
                  <span className="step-index">Step {entry.effect.stepIndex ?? '—'}</span>
                  <span className="effect-description">{entry.effect.description}</span>
                  {entry.status === 'matched' && <Badge tone="ok">declared + observed</Badge>}
                  {entry.status === 'undeclared' && <Badge tone="bad">undeclared</Badge>}
                  {entry.status === 'unobserved' && <Badge tone="warn">declared, not observed</Badge>}
                  {entry.irreversible && <Badge tone="bad">irreversible</Badge>}
                  {entry.effect.reversible === null && entry.status !== 'unobserved' && <Badge tone="neutral">reversibility not stated</Badge>}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Panel>
  );
}
