import { Badge } from '../../../components/badge';

const DIRECTION_TONE = { worse: 'bad', better: 'ok', same: 'neutral', unknown: 'neutral' } as const;

/** One state of a snapshot before and after (security_state, boundary_state), and which way it moved. */
export function StateChangeLine({ name, change }: { readonly name: string; readonly change: { readonly from: string | null; readonly to: string | null; readonly direction: keyof typeof DIRECTION_TONE } }) {
  return (
    <p className={`state-change state-change-${change.direction}`}>
      <span className="muted">{name} </span>
      <strong>{change.from ?? '—'}</strong> <span aria-hidden="true">→</span>
      <span className="visually-hidden"> to </span> <strong>{change.to ?? '—'}</strong>{' '}
      <Badge tone={DIRECTION_TONE[change.direction]}>{change.direction === 'worse' ? 'got worse' : change.direction}</Badge>
    </p>
  );
}
