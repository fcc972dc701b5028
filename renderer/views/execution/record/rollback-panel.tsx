import { useId, useState } from 'react';
import { Badge } from '../../../components/badge';
import { CopyButton } from '../../../components/copy-button';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Panel } from '../../../components/panel';
import { manualStepsText, WARNING_TITLES } from '../../../format/rollback-text';
import { useApi } from '../../../hooks/use-api';
import type { RollbackWarningCode } from '../../../../shared/model/inspection';
import { AcknowledgementList } from './acknowledgement-list';
import { ProducerVerdict } from './producer-verdict';
import { RollbackDialog } from './rollback-dialog';
import { RollbackHints } from './rollback-hints';

/** Warnings that say something is missing from the record need attention; the others say something went wrong. */
const WARNING_TONES: Readonly<Record<RollbackWarningCode, 'bad' | 'warn'>> = {
  irreversible_step: 'bad',
  undeclared_side_effect: 'bad',
  unobserved_side_effect: 'warn',
  security_worse: 'bad',
  live_run: 'bad',
  chain_broken: 'bad',
  chain_not_present: 'warn',
  side_effects_not_reported: 'warn',
};

/**
 * The rollback scaffold of a record execution: whether a manual rollback is
 * possible and why, the plan's hints verbatim, irreversible steps, the manual
 * steps and warnings. Nothing here runs anything: the only button that writes
 * records the reviewer's acknowledgement of the plan, and says so.
 */
export function RollbackPanel({ id, executionKey }: { readonly id: string; readonly executionKey: string }) {
  const scaffold = useApi('getRollbackScaffold', { id });
  const whyId = useId();
  const [dialog, setDialog] = useState<{ scaffoldHash: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(0);
  if (scaffold.value === undefined) {
    return <Panel title="Rollback">{scaffold.error !== null ? <ErrorState error={scaffold.error} onRetry={scaffold.reload} /> : <LoadingState />}</Panel>;
  }
  const { scaffold: value, scaffoldHash, producerVerdict } = scaffold.value;
  return (
    <Panel
      title="Rollback (manual)"
      className="panel-rollback"
      actions={
        // Secondary, and named for what it does: it records that the plan was read, it rolls nothing back.
        <button type="button" onClick={() => setDialog({ scaffoldHash })} aria-describedby={value.isRollbackPossible ? undefined : whyId}>
          Acknowledge rollback plan…
        </button>
      }
    >
      <p className="notice">The inspector never runs a rollback. These are the plan's hints as written, for a person to carry out by hand.</p>
      {notice !== null && (
        <p className="notice notice-warn" role="status">
          {notice}
        </p>
      )}
      {producerVerdict !== null && <ProducerVerdict verdict={producerVerdict} />}
      {producerVerdict !== null && <h3>The inspector&apos;s verdict, from the evidence</h3>}
      <p className="rollback-verdict" id={whyId}>
        {value.isRollbackPossible ? <Badge tone="ok">rollback possible</Badge> : <Badge tone="bad">rollback not possible</Badge>}{' '}
        {value.reason !== null && <span>{value.reason}</span>}
        {!value.isRollbackPossible && <span> Acknowledging the plan only records that you reviewed it; nothing can be rolled back from it.</span>}
      </p>
      {value.warnings.length > 0 && (
        <section aria-label="Warnings">
          <h3>Warnings ({value.warnings.length})</h3>
          <ul className="warnings">
            {value.warnings.map((warning, position) => (
              <li key={position}>
                <Badge tone={WARNING_TONES[warning.code]}>{WARNING_TITLES[warning.code]}</Badge> <span>{warning.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <strong>Irreversible steps:</strong> {value.irreversibleSteps.length === 0 ? 'none' : value.irreversibleSteps.map((step) => `step ${step}`).join(', ')}
      </p>
      <RollbackHints hints={value.hints} />
      <section aria-label="Manual steps">
        <div className="subhead">
          <h3>Manual steps, latest step first ({value.manualSteps.length})</h3>
          {value.manualSteps.length > 0 && <CopyButton text={manualStepsText(executionKey, value.manualSteps)} description="Copy every manual step as plain text">Copy actions as text</CopyButton>}
        </div>
        {value.manualSteps.length === 0 ? (
          <p className="muted">No manual steps: the plan has no hints for this execution.</p>
        ) : (
          <ol className="manual-steps">
            {value.manualSteps.map((step, position) => (
              <li key={position}>
                <span className="muted">
                  step {step.stepIndex ?? '—'} · {step.description}
                </span>
                <code className="action">{step.action}</code>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="muted mono hash">scaffold {scaffoldHash}</p>
      <AcknowledgementList id={id} refresh={acknowledged} />
      <RollbackDialog
        open={dialog !== null}
        id={id}
        executionKey={executionKey}
        scaffoldHash={dialog?.scaffoldHash ?? scaffoldHash}
        onClose={() => setDialog(null)}
        onAcknowledged={(reviewer) => {
          setDialog(null);
          setNotice(`Acknowledgement recorded for ${reviewer}. Nothing was executed.`);
          setAcknowledged((n) => n + 1);
        }}
        onStale={() => {
          setDialog(null);
          setNotice('The rollback scaffold changed since it was shown, so nothing was recorded. It has been reloaded: review it again before confirming.');
          scaffold.reload();
        }}
      />
    </Panel>
  );
}
