import { MASK, type TextPart } from '../format/secret-mask';
import { ShownText } from './shown-text';

/**
 * A line's text with its flagged values hidden behind a mask until `revealed`
 * (the reviewer asked to see them). Rendered as React text only.
 */
export function MaskedText({ parts, revealed = false }: { readonly parts: readonly TextPart[]; readonly revealed?: boolean }) {
  return (
    <>
      {parts.map((part, index) =>
        part.masked && !revealed ? (
          <span key={index} className="masked" title="A value flagged as a secret: reveal it in the event's detail">
            {MASK}
          </span>
        ) : (
          <span key={index}>
            <ShownText text={part.text} />
          </span>
        ),
      )}
    </>
  );
}
