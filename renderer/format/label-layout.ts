/** A label's horizontal extent on an axis (any one unit), and how much it matters to show it. */
export interface LabelSpan {
  readonly start: number;
  readonly end: number;
  /** Higher is shown first: a label of a failure before a label of a gap. */
  readonly priority: number;
}

/**
 * Which labels of an axis to show so that none covers another: the most
 * important first, then left to right, each kept only if it stays `gap` clear
 * of every label already kept. On a narrow window an axis shows fewer labels
 * rather than labels printed over each other.
 */
export function labelsThatFit(spans: readonly LabelSpan[], gap = 0): readonly boolean[] {
  const order = spans.map((span, index) => ({ span, index })).sort((a, b) => b.span.priority - a.span.priority || a.span.start - b.span.start);
  const kept: LabelSpan[] = [];
  const shown = spans.map(() => false);
  for (const { span, index } of order) {
    if (kept.some((other) => span.start < other.end + gap && other.start < span.end + gap)) continue;
    kept.push(span);
    shown[index] = true;
  }
  return shown;
}
