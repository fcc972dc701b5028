import { Badge } from '../../components/badge';
import { integrityText } from '../../format/integrity-text';
import { formatCount } from '../../format/numbers';

const SHOWN = ['broken', 'intact', 'unhashed', 'unchecked'] as const;

/**
 * How many records' hashes match, are broken (cannot be trusted), are absent,
 * or are not checked yet. While the folder is still being read, none so far is
 * not yet an answer about the folder.
 */
export function IntegrityCounts({ byIntegrity, reading }: { readonly byIntegrity: Readonly<Record<string, number>>; readonly reading: boolean }) {
  const total = SHOWN.reduce((sum, state) => sum + (byIntegrity[state] ?? 0), 0);
  if (total === 0) return <p className="muted">{reading ? 'No execution read so far carries hashes; the folder is still being read.' : 'No execution in this folder carries hashes.'}</p>;
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
