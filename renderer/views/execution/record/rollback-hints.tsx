import type { RollbackHint } from '../../../../shared/model/inspection';

/** The plan's rollback hints exactly as written: step, description, actions, risks. */
export function RollbackHints({ hints }: { readonly hints: readonly RollbackHint[] }) {
  return (
    <section aria-label="Rollback hints">
      <h3>Hints from the plan ({hints.length})</h3>
      {hints.length === 0 ? (
        <p className="muted">The plan has no rollback hints (or no plan was found).</p>
      ) : (
        <ol className="hints">
          {hints.map((hint, position) => (
            <li key={position} className="hint-card">
              <p className="hint-title">
                <span className="step-index">Step {hint.stepIndex ?? '—'}</span> {hint.description}
              </p>
              <p className="hint-label">Actions</p>
              <ul className="hint-actions">
                {hint.actions.map((action, index) => (
                  <li key={index}>
                    <code className="action">{action}</code>
                  </li>
                ))}
              </ul>
              {hint.risks.length > 0 && (
                <>
                  <p className="hint-label">Risks</p>
                  <ul className="hint-risks">
                    {hint.risks.map((risk, index) => (
                      <li key={index}>{risk}</li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
