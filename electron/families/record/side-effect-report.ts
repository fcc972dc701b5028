import type { SideEffect, SideEffectMatchRule, SideEffectReport } from '../../../shared/model/inspection';
import type { SideEffectFact } from '../../../shared/model/normalized-event';

/**
 * Matches declared to observed side effects one-to-one. Pass one pairs every
 * observed effect, in order, with the first free declared effect of the same
 * stepIndex, category and description; pass two pairs what is left by stepIndex
 * and category only. Exact pairs go first so that a loose match made by an
 * earlier observed effect can never take the declared effect a later one
 * describes word for word. Comparisons are exact (null stepIndex matches only null).
 * `observedReported` false: no source reports observed effects at all (hearth's records).
 */
export function sideEffectReport(declared: readonly SideEffectFact[], observed: readonly SideEffectFact[], observedReported = true): SideEffectReport {
  const declaredOut = declared.map(toSideEffect);
  const observedOut = observed.map(toSideEffect);
  // pairing[o] = index of the declared effect paired with observed effect o.
  const pairing: ({ readonly declaredIndex: number; readonly rule: SideEffectMatchRule } | undefined)[] = observed.map(() => undefined);
  const taken = new Set<number>();
  // Declared effects are bucketed by what a pass compares, in declared order, so each observed effect finds
  // the first free one in its bucket without scanning every declared effect: linear in the effects, not quadratic.
  const pass = (rule: SideEffectMatchRule, keyOf: (effect: SideEffectFact) => string): void => {
    const buckets = new Map<string, number[]>();
    declared.forEach((effect, index) => {
      if (taken.has(index)) return;
      const key = keyOf(effect);
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [index]);
      else bucket.push(index);
    });
    const next = new Map<string, number>();
    observed.forEach((o, observedIndex) => {
      if (pairing[observedIndex] !== undefined) return;
      const key = keyOf(o);
      const bucket = buckets.get(key);
      if (bucket === undefined) return;
      const at = next.get(key) ?? 0;
      const declaredIndex = bucket[at];
      if (declaredIndex === undefined) return;
      next.set(key, at + 1);
      taken.add(declaredIndex);
      pairing[observedIndex] = { declaredIndex, rule };
    });
  };
  pass('exact', (e) => JSON.stringify([e.stepIndex, e.category, e.description]));
  pass('step_and_category', (e) => JSON.stringify([e.stepIndex, e.category]));

  const matched: SideEffectReport['matched'] = [];
  const undeclared: SideEffect[] = [];
  observedOut.forEach((effect, observedIndex) => {
    const pair = pairing[observedIndex];
    if (pair === undefined) undeclared.push(effect);
    else matched.push({ declared: declaredOut[pair.declaredIndex] as SideEffect, observed: effect, rule: pair.rule });
  });

  const counts = new Map<string, { declared: number; observed: number }>();
  const count = (category: string): { declared: number; observed: number } => {
    let entry = counts.get(category);
    if (entry === undefined) {
      entry = { declared: 0, observed: 0 };
      counts.set(category, entry);
    }
    return entry;
  };
  for (const effect of declared) count(effect.category).declared += 1;
  for (const effect of observed) count(effect.category).observed += 1;
  // fromEntries defines own properties, so a category named "__proto__" stays a plain key.
  const byCategory: SideEffectReport['byCategory'] = Object.fromEntries([...counts.entries()].sort(([a], [b]) => compareCodeUnits(a, b)));

  return {
    declared: declaredOut,
    observed: observedOut,
    matched,
    undeclared,
    // Without a report of what was observed, no declared effect can be called unobserved.
    unobserved: observedReported ? declaredOut.filter((_, index) => !taken.has(index)) : [],
    irreversible: observedOut.filter((effect) => effect.reversible === false),
    observedReported,
    byCategory,
  };
}

function toSideEffect(fact: SideEffectFact): SideEffect {
  return { stepIndex: fact.stepIndex, category: fact.category, description: fact.description, reversible: fact.reversible, details: fact.details };
}

function compareCodeUnits(a: string, b: string): number {
  // Code-unit order so the key order does not depend on the locale.
  return a < b ? -1 : a > b ? 1 : 0;
}
