/** The parts of one improvement cycle, by the module that wrote the event. */
export const CYCLE_PARTS = ['plan', 'executor', 'review', 'optimizer', 'other'] as const;

/** A part of a cycle. */
export type CyclePart = (typeof CYCLE_PARTS)[number];

/** Titles of the parts. */
export const CYCLE_PART_TITLES: Readonly<Record<CyclePart, string>> = {
  plan: 'Plan',
  executor: 'Executor',
  review: 'Review',
  optimizer: 'Optimizer',
  other: 'Other events',
};

/** Which part an event name (`module.action`) belongs to. */
export function cyclePartOf(eventName: string): CyclePart {
  const module = eventName.split('.')[0] ?? '';
  return (CYCLE_PARTS as readonly string[]).includes(module) && module !== 'other' ? (module as CyclePart) : 'other';
}

/** Events of one cycle split into parts, each in time order. */
export interface CycleGroup<T> {
  readonly cycle: number | null;
  readonly parts: Readonly<Record<CyclePart, readonly T[]>>;
}

/**
 * Groups events by their `cycle` number (events without one go to a group of
 * their own, last), then by part. Input order is kept inside each part.
 */
export function groupByCycle<T>(events: readonly T[], cycleOf: (event: T) => number | null, nameOf: (event: T) => string): readonly CycleGroup<T>[] {
  const groups = new Map<number | null, Record<CyclePart, T[]>>();
  for (const event of events) {
    const cycle = cycleOf(event);
    let parts = groups.get(cycle);
    if (parts === undefined) {
      parts = { plan: [], executor: [], review: [], optimizer: [], other: [] };
      groups.set(cycle, parts);
    }
    parts[cyclePartOf(nameOf(event))].push(event);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([cycle, parts]) => ({ cycle, parts }));
}
