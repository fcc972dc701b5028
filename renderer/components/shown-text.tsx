import { shownParts } from '../format/visible-controls';

/**
 * Log text as React text, each hidden control (a bidirectional override, a
 * zero-width space) shown as its `\uXXXX` escape in a marked span instead of
 * acting on the text around it.
 */
export function ShownText({ text }: { readonly text: string }) {
  const parts = shownParts(text);
  const only = parts[0];
  if (parts.length === 1 && only !== undefined && 'text' in only) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) =>
        'text' in part ? (
          <span key={index}>{part.text}</span>
        ) : (
          <span key={index} className="byte-escape" title="A character that changes how text is shown, written out instead of applied">
            {part.control}
          </span>
        ),
      )}
    </>
  );
}
