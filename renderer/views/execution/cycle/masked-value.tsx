import { useState } from 'react';
import { Badge } from '../../../components/badge';
import type { FieldFlag } from '../../../format/field-flags';

/**
 * A value the ingest flagged (a secret in the clear, a field that should have
 * been redacted): hidden behind its flags until the reviewer asks to see it.
 * The raw line stays in the event's detail, as written.
 */
export function MaskedValue({ text, flags }: { readonly text: string; readonly flags: readonly FieldFlag[] }) {
  const [shown, setShown] = useState(false);
  return (
    <>
      {flags.map((flag) => (
        <Badge key={flag.code} tone="bad" title={flag.message}>
          {flag.label}
        </Badge>
      ))}{' '}
      {shown ? <span className="mono">{text}</span> : <span className="masked" aria-label="hidden value">••••••••</span>}{' '}
      <button type="button" className="link-button" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? 'hide' : 'reveal'}
      </button>
    </>
  );
}
