import { Badge } from '../../../components/badge';
import { producerVerdictNote } from '../../../format/rollback-text';
import type { ProducerRollbackVerdict } from '../../../../shared/model/inspection';

/**
 * The producer's own rollback verdict (hearth's planner), reproduced from its
 * record and labelled as the producer's: it sits beside the inspector's
 * evidence-based verdict and is never merged with it.
 */
export function ProducerVerdict({ verdict }: { readonly verdict: ProducerRollbackVerdict }) {
  const note = producerVerdictNote(verdict);
  return (
    <section className="producer-verdict" aria-label="The producer's rollback verdict">
      <h3>The producer&apos;s verdict</h3>
      <p className="muted">
        {verdict.producer}, reproduced from the record as the producer decides it (by its status, {verdict.status}). This is the producer&apos;s word, not the inspector&apos;s.
      </p>
      <p className="rollback-verdict">
        {verdict.isRollbackPossible ? <Badge tone="ok">producer: rollback possible</Badge> : <Badge tone="bad">producer: rollback not possible</Badge>}{' '}
        <span>{verdict.reason === '' ? '(the producer gives no reason for this status)' : verdict.reason}</span>
      </p>
      {note !== null && <p className="muted">{note}</p>}
      {verdict.warnings.length > 0 && (
        <ul className="warnings">
          {verdict.warnings.map((warning, position) => (
            <li key={position}>{warning}</li>
          ))}
        </ul>
      )}
      {verdict.irreversibleSteps.length > 0 && <p>Irreversible according to the producer (positions in step_events): {verdict.irreversibleSteps.join(', ')}</p>}
      {verdict.manualSteps.length > 0 && (
        <ol>
          {verdict.manualSteps.map((step, position) => (
            <li key={position}>{step}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
