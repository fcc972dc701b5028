import { Badge } from '../../components/badge';
import { integrityText } from '../../format/integrity-text';
import { formatCount } from '../../format/numbers';

const SHOWN = ['broken', 'intact', 'unhashed', 'unchecked'] as const;

/** How many records' hashes match, are broken (cannot be trusted), are absent, or are not checked yet. */
export function IntegrityCounts({ byIntegrity }: { readonly byIntegrity: Readonly<Record<string, number>> }) {
  const total = SHOWN.reduce((sum, state) => sum + (byIntegrity[state] ?? 0), 0);
  if (total === 0) return <p className="muted">No execution in this folder carries hashes.</p>;
  return (
    <ul className="outcome-list">
      {SHOWN.filter((state) => state !== 'unchecked' || (byIntegrity[state] ?? 0) > 0).map((state) => (
        <li key={state} title={integrityText(state).sentence}>
          <Badge tone={(byIntegrity[state] ?? 0) === 0 && state === 'broken' ? 'neutral' : integrityText(state).tone}>{integrityText(state).short}</Badge>
          <span className="outcome-count">{formatCount(byIntegrity[state] ?? 0)}</span>
        </li>
      ))}
    </ul>
  );
}
