/**
 * Characters that change how text around them is shown without being seen
 * themselves: bidirectional overrides, embeddings, isolates and marks, and
 * zero-width spaces and joiners other than the emoji joiner (U+200D). In log
 * text they can reverse what follows (a file named `gnp.exe` shown as
 * `exe.png`) or make two different values look alike.
 */
const HIDDEN_CONTROLS = /[\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/**
 * Log text as shown: every hidden control written out as its `\uXXXX` escape,
 * so nothing in a value can hide or reorder what the reviewer reads. In JSON
 * text the escape is the same string, so pretty JSON stays valid JSON.
 */
export function withVisibleControls(text: string): string {
  return text.replace(HIDDEN_CONTROLS, (control) => `\\u${(control.codePointAt(0) as number).toString(16).padStart(4, '0')}`);
}

/** A piece of log text: shown as it is, or a hidden control to be shown as its escape. */
export type ShownPart = { readonly text: string } | { readonly control: string };

/** Log text cut around its hidden controls, for a view that marks each one. */
export function shownParts(text: string): readonly ShownPart[] {
  const parts: ShownPart[] = [];
  let from = 0;
  for (const match of text.matchAll(HIDDEN_CONTROLS)) {
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ control: withVisibleControls(match[0]) });
    from = match.index + match[0].length;
  }
  if (from < text.length || parts.length === 0) parts.push({ text: text.slice(from) });
  return parts;
}
