import type { StoredOtlpSpan } from '../../index/queries/execution-facts';

/** A span in the tree's reading order: its depth, and whether its parent is missing. */
export interface PlacedSpan {
  readonly span: StoredOtlpSpan;
  readonly depth: number;
  /** True when it names a parent the trace does not hold: shown as a root (the `otlp.orphan_span` problem says why). */
  readonly orphan: boolean;
}

/**
 * Orders a trace's spans as a tree: each root (no parent, or a parent never
 * written) followed by its children, depth first, siblings by start time as
 * given. Nothing is dropped: spans whose parents form a loop, which no root
 * reaches, come last as roots of their own. Iterative, so a chain of ten
 * thousand nested spans cannot overflow the stack.
 */
export function spanTree(spans: readonly StoredOtlpSpan[]): PlacedSpan[] {
  const byId = new Map<string, StoredOtlpSpan>();
  for (const span of spans) if (span.spanId !== '' && !byId.has(span.spanId)) byId.set(span.spanId, span);
  const children = new Map<StoredOtlpSpan, StoredOtlpSpan[]>();
  const roots: { span: StoredOtlpSpan; orphan: boolean }[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId === null ? undefined : byId.get(span.parentSpanId);
    // A span that names itself as parent is placed as a root.
    if (parent === undefined || parent === span) {
      roots.push({ span, orphan: span.parentSpanId !== null && parent === undefined });
      continue;
    }
    const list = children.get(parent);
    if (list === undefined) children.set(parent, [span]);
    else list.push(span);
  }
  const placed: PlacedSpan[] = [];
  const seen = new Set<StoredOtlpSpan>();
  const walk = (root: StoredOtlpSpan, orphan: boolean): void => {
    const stack: { span: StoredOtlpSpan; depth: number; orphan: boolean }[] = [{ span: root, depth: 0, orphan }];
    while (stack.length > 0) {
      const next = stack.pop() as { span: StoredOtlpSpan; depth: number; orphan: boolean };
      if (seen.has(next.span)) continue;
      seen.add(next.span);
      placed.push(next);
      const below = children.get(next.span) ?? [];
      for (let index = below.length - 1; index >= 0; index--) stack.push({ span: below[index] as StoredOtlpSpan, depth: next.depth + 1, orphan: false });
    }
  };
  for (const root of roots) walk(root.span, root.orphan);
  for (const span of spans) if (!seen.has(span)) walk(span, false);
  return placed;
}
