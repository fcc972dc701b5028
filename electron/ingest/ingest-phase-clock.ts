/** How long one index took until its lists were usable, and until full-text search was ready. */
export interface IngestPhases {
  /** Until the worker's `scanned`: lists, overview and execution details answer. */
  readonly queryableMs: number;
  /**
   * Until the worker's `searchable` (every event has its full text, the full-text index merged), or its `enriched`
   * from a worker that does not say `searchable`, or its end when it sent neither (nothing needed enriching).
   */
  readonly searchableMs: number;
}

/**
 * Times the two phases of a one-shot index from the worker's messages, so that
 * `index --json` and the bench measure them the same way. It takes any message
 * type as a string: a worker that announces a phase this build does not know yet
 * (`searchable`, search whole during the background enrichment) is timed, one that does not is
 * timed at its end.
 */
export class IngestPhaseClock {
  private queryableAt: number | null = null;
  private searchableAt: number | null = null;

  constructor(private readonly startedAt: number = performance.now()) {}

  /** Notes the time of the first message that ends a phase; every other message is ignored. */
  observe(message: { readonly type: string }, now: number = performance.now()): void {
    if (message.type === 'scanned') this.queryableAt ??= now;
    if (message.type === 'searchable' || message.type === 'enriched') this.searchableAt ??= now;
  }

  /** True once the worker announced search ready (`searchable`, or `enriched` from a worker that does not say `searchable`). */
  get searchAnnounced(): boolean {
    return this.searchableAt !== null;
  }

  /**
   * The phases, measured when the worker has ended (`now`). A phase whose message
   * never came ends there; search is never ready before the lists are.
   */
  phases(now: number = performance.now()): IngestPhases {
    const queryableAt = this.queryableAt ?? now;
    const searchableAt = Math.max(this.searchableAt ?? now, queryableAt);
    return { queryableMs: Math.round(queryableAt - this.startedAt), searchableMs: Math.round(searchableAt - this.startedAt) };
  }
}
