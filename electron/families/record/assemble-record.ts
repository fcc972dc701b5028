import type { z } from 'zod';
import type { stepSchema } from '../../../shared/api/views';
import { canonicalJson } from '../../../shared/model/canonical-json';
import type { ChainVerdict, ProducerRollbackVerdict, RollbackScaffold, SecurityDiff, SideEffectReport } from '../../../shared/model/inspection';
import type { RollbackHintFact, SideEffectFact, SnapshotFact } from '../../../shared/model/normalized-event';
import type { RecordOrigin } from '../../../shared/formats/record-step-body';
import type { ExecutionFacts, FoundExecution, StoredSideEffect, StoredSnapshot, StoredStepEvent } from '../../index/queries/execution-facts';
import { documentIntegrity, type DocumentIntegrity } from '../../integrity/document-integrity';
import { verifyChain } from '../../integrity/hash-chain';
import type { FamilySections } from '../family-module';
import { producerRollbackVerdict } from './producer-rollback-verdict';
import { rollbackScaffold, scaffoldHash } from './rollback-scaffold';
import { securityDiff } from './security-diff';
import { sideEffectReport } from './side-effect-report';

/** A step of a record execution, as the API shows it. */
export type Step = z.infer<typeof stepSchema>;

/** The observer stream's and the record document's chain verdicts; null where that source does not exist. */
export interface RecordChains {
  readonly stream: ChainVerdict | null;
  readonly document: ChainVerdict | null;
}

/** Everything the inspector derives for one record execution, from one read of the index. */
export interface RecordAssembly {
  readonly steps: readonly Step[];
  readonly snapshots: { readonly pre: SnapshotFact | null; readonly post: SnapshotFact | null };
  readonly sideEffects: SideEffectReport;
  readonly securityDiff: SecurityDiff;
  readonly chains: RecordChains;
  /** The chain the execution is judged by: the stream's when there is one, else the document's. */
  readonly chain: ChainVerdict;
  /** The first record document as parsed, or null when there is none. */
  readonly document: Readonly<Record<string, unknown>> | null;
  /** That document checked against its own hashes (rule, coverage), or null when there is none. */
  readonly documentIntegrity: DocumentIntegrity | null;
  /** The plan's hints, or null when no plan document with the execution's plan_id was indexed. */
  readonly hints: readonly RollbackHintFact[] | null;
  readonly scaffold: RollbackScaffold;
  readonly scaffoldHash: string;
  /** hearth's own rollback verdict for its record, or null where the record is not hearth's. */
  readonly producerVerdict: ProducerRollbackVerdict | null;
}

/** The derived views of a record execution, from one read of the index. Callers check the family first. */
export function assembleRecord(facts: ExecutionFacts, execution: FoundExecution): RecordAssembly {
  const stepEvents = facts.stepEvents(execution);
  const documents = facts.rawEventsOfKind(execution, 'record_document');
  const hasStream = facts.hasEventOtherThan(execution, 'record_document');
  const streamSteps = stepEvents.filter((event) => event.origin === 'stream');
  const firstDocument = documents[0];
  const document = firstDocument === undefined ? null : (JSON.parse(firstDocument.raw) as Record<string, unknown>);
  const integrity = firstDocument === undefined || document === null ? null : documentIntegrity(firstDocument.raw, document);
  const chains: RecordChains = {
    stream: hasStream ? verifyChain(streamSteps.map((event) => event.body)) : null,
    document: integrity?.chain ?? null,
  };
  // A record execution always has a stream or a document; an empty chain is intact, as the spec's vectors say.
  const chain = chains.stream ?? chains.document ?? verifyChain([]);
  const { steps, snapshots, sideEffects } = recordParts(facts, execution, stepEvents, hasStream, document);
  const diff = securityDiff(snapshots.pre, snapshots.post);
  const planId = execution.row.planId;
  const hints = planId !== null && facts.planExists(planId) ? unionOfHints(facts.hints(planId)) : null;
  const scaffold = rollbackScaffold({
    executionId: execution.row.id,
    liveMode: execution.row.liveMode,
    status: execution.row.status,
    steps: steps.flatMap((step) => (step.index === null ? [] : [{ index: step.index, status: step.status }])),
    hints,
    sideEffects,
    chain,
    securityDiff: diff,
  });
  return {
    steps,
    snapshots,
    sideEffects,
    securityDiff: diff,
    chains,
    chain,
    document,
    documentIntegrity: integrity,
    hints,
    scaffold,
    scaffoldHash: scaffoldHash(scaffold),
    producerVerdict: producerRollbackVerdict(document, hints),
  };
}

/** The declared and observed side effects of a record, each list as the detail's side effect report has it, without matching them. */
export interface RecordSideEffectLists {
  readonly declared: readonly SideEffectFact[];
  readonly observed: readonly SideEffectFact[];
}

/** A record's steps, snapshots (as the detail shows them) and side effects: what comparing two runs reads. */
export type ComparableRecord = Pick<FamilySections, 'steps' | 'snapshots'> & { readonly sideEffects: RecordSideEffectLists };

/**
 * A record's steps, snapshots and side effects without verifying its chains,
 * deriving its scaffold or matching its side effects (step bodies, which only
 * chain verification needs, and the record document, which only says whether
 * observed effects were reported at all, are never read): what a comparison
 * reads, at a fraction of the cost on long runs. Callers check the family first.
 */
export function comparableRecord(facts: ExecutionFacts, execution: FoundExecution): ComparableRecord {
  const snapshots = chooseSnapshots(facts.snapshots(execution));
  return {
    steps: chosenSteps(facts.stepEvents(execution)),
    snapshots: { pre: snapshotObject(snapshots.pre), post: snapshotObject(snapshots.post) },
    sideEffects: sideEffectLists(facts, execution),
  };
}

/** Steps (the stream's when it has any, else the document's), snapshots and side effects of a record. */
function recordParts(
  facts: ExecutionFacts,
  execution: FoundExecution,
  stepEvents: readonly StoredStepEvent[],
  hasStream: boolean,
  document: Readonly<Record<string, unknown>> | null,
): Pick<RecordAssembly, 'steps' | 'snapshots' | 'sideEffects'> {
  const { declared, observed } = sideEffectLists(facts, execution);
  // An observer stream reports what it saw (none is none); a document only when it carries side_effects_report.
  const observedReported = hasStream || (document !== null && Object.hasOwn(document, 'side_effects_report'));
  return { steps: chosenSteps(stepEvents), snapshots: chooseSnapshots(facts.snapshots(execution)), sideEffects: sideEffectReport(declared, observed, observedReported) };
}

/** The stream's steps when it has any, else the document's. */
function chosenSteps(stepEvents: readonly StoredStepEvent[]): Step[] {
  const streamSteps = stepEvents.filter((event) => event.origin === 'stream');
  return assembleSteps(streamSteps.length > 0 ? streamSteps : stepEvents.filter((event) => event.origin === 'document'));
}

/** Declared effects (the record's and its plan's, as a multiset union) and observed ones (the stream's when it reports any, else the document's). */
function sideEffectLists(facts: ExecutionFacts, execution: FoundExecution): RecordSideEffectLists {
  const planId = execution.row.planId;
  const effects = facts.sideEffects(execution);
  const declared = unionOfSources([...effects.filter((e) => e.origin === 'declared'), ...(planId === null ? [] : facts.planSideEffects(planId))]);
  const streamObserved = effects.filter((e) => e.origin === 'observed' && e.via === 'stream');
  const observed = (streamObserved.length > 0 ? streamObserved : effects.filter((e) => e.origin === 'observed' && e.via === 'document')).map((e) => e.effect);
  return { declared, observed };
}

/** A record execution's sections of its detail: the stream's steps, snapshots and chain where it has them. */
export function recordSections(record: RecordAssembly): FamilySections {
  return {
    steps: [...record.steps],
    checkpoints: [],
    cycles: [],
    spans: [],
    snapshots: { pre: snapshotObject(record.snapshots.pre), post: snapshotObject(record.snapshots.post) },
    sideEffects: record.sideEffects,
    chain: record.chain,
  };
}

/**
 * Groups step events by step_index, in index order (events without an index
 * last). A step's status is its last event type in emission order; its times
 * come from its STARTED and its last COMPLETED/FAILED event.
 */
export function assembleSteps(events: readonly Omit<StoredStepEvent, 'body'>[]): Step[] {
  // Bodies are not needed here, so the waterfall can pass step events read without them.
  // `events` are one source's step events in chain order, so an event's place here is the chain verdict's brokenAt.
  // A run reports its steps one after another, so its events are usually in step order already: then each step is
  // a stretch of them, read in one pass with nothing built but the steps (60,000 events in a few milliseconds).
  const order = inStepOrder(events) ? null : placesByStep(events);
  const placeAt = (at: number): number => (order === null ? at : (order[at] as number));
  const steps: Step[] = [];
  let from = 0;
  while (from < events.length) {
    const index = (events[placeAt(from)] as Omit<StoredStepEvent, 'body'>).stepIndex;
    let name: string | null = null;
    let startedMs: number | null | undefined;
    let endedMs: number | null = null;
    let errorMessage: string | null = null;
    let status: string | null = null;
    const stepEvents: Step['events'] = [];
    let at = from;
    for (; at < events.length; at += 1) {
      const position = placeAt(at);
      const event = events[position] as Omit<StoredStepEvent, 'body'>;
      if (event.stepIndex !== index) break;
      const type = event.eventType;
      // The first name, the first STARTED, the last COMPLETED or FAILED, the last FAILED's error, the last type.
      name ??= event.stepName;
      if (startedMs === undefined && type === 'STARTED') startedMs = event.ts;
      if (type === 'COMPLETED' || type === 'FAILED') endedMs = event.ts;
      if (type === 'FAILED') errorMessage = event.errorMessage;
      status = type;
      stepEvents.push({ eventId: event.eventId, eventType: type, ts: event.ts, via: event.origin, position });
    }
    const started = startedMs ?? null;
    steps.push({ index, name, status, startedMs: started, endedMs, durationMs: started !== null && endedMs !== null ? endedMs - started : null, errorMessage, events: stepEvents });
    from = at;
  }
  return steps;
}

/** True when equal step indexes are together and ascending, events without an index last: each step is one stretch. */
function inStepOrder(events: readonly Omit<StoredStepEvent, 'body'>[]): boolean {
  for (let at = 1; at < events.length; at += 1) {
    const previous = (events[at - 1] as Omit<StoredStepEvent, 'body'>).stepIndex;
    const index = (events[at] as Omit<StoredStepEvent, 'body'>).stepIndex;
    if (index !== previous && (previous === null || (index !== null && index < previous))) return false;
  }
  return true;
}

/** The events' places, grouped by step index in index order (events without an index last), each group in event order. */
function placesByStep(events: readonly Omit<StoredStepEvent, 'body'>[]): number[] {
  const groups = new Map<number | null, number[]>();
  events.forEach((event, position) => {
    const group = groups.get(event.stepIndex);
    if (group === undefined) groups.set(event.stepIndex, [position]);
    else group.push(position);
  });
  const indexes = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return indexes.flatMap((index) => groups.get(index) ?? []);
}

/** The pre and post snapshots: the stream's when it has that phase, else the document's; the first pre and the last post of that origin. */
function chooseSnapshots(snapshots: readonly StoredSnapshot[]): { pre: SnapshotFact | null; post: SnapshotFact | null } {
  const pick = (phase: 'pre' | 'post'): SnapshotFact | null => {
    for (const via of ['stream', 'document'] as const satisfies readonly RecordOrigin[]) {
      const found = snapshots.filter((s) => s.phase === phase && s.via === via);
      const chosen = phase === 'pre' ? found[0] : found.at(-1);
      if (chosen !== undefined) return chosen.snapshot;
    }
    return null;
  };
  return { pre: pick('pre'), post: pick('post') };
}

/** A snapshot as the producer wrote it: the two known fields, then the free-form ones. */
function snapshotObject(snapshot: SnapshotFact | null): Record<string, unknown> | null {
  if (snapshot === null) return null;
  return { captured_at: snapshot.capturedAt, security_state: snapshot.securityState, ...snapshot.fields };
}

/**
 * Declared side effects of the document(s) and the plan document(s), each
 * identical entry kept as many times as the one source that lists it most
 * often: a plan and a document usually declare the same effects, and counting
 * both would report every one as unobserved twice, while an effect one source
 * declares twice on purpose stays twice.
 */
function unionOfSources(effects: readonly StoredSideEffect[]): SideEffectFact[] {
  // The canonical JSON of the fields as a tuple: equal exactly when the effects are (and failing where theirs would), without sorting keys 20,000 times.
  const identity = ({ effect: e }: StoredSideEffect): string => canonicalJson([e.stepIndex, e.category, e.description, e.reversible, e.details]);
  return multisetUnion(effects, (effect) => effect.eventId, identity).map((effect) => effect.effect);
}

/** Hints of every plan document with the plan_id; a plan indexed twice (a copy in another folder) gives its hints once. */
function unionOfHints(hints: readonly { readonly eventId: number; readonly hint: RollbackHintFact }[]): RollbackHintFact[] {
  return multisetUnion(hints, (hint) => hint.eventId, (hint) => canonicalJson(hint.hint)).map((hint) => hint.hint);
}

function multisetUnion<T>(items: readonly T[], sourceOf: (item: T) => number, identity: (item: T) => string): T[] {
  const kept: T[] = [];
  const keptCounts = new Map<string, number>();
  // Per source, how often each identity was seen: no key text built per item (a plan declares thousands of effects).
  const seenInSource = new Map<number, Map<string, number>>();
  for (const item of items) {
    const key = identity(item);
    const source = sourceOf(item);
    let seen = seenInSource.get(source);
    if (seen === undefined) {
      seen = new Map();
      seenInSource.set(source, seen);
    }
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    if (occurrence > (keptCounts.get(key) ?? 0)) {
      kept.push(item);
      keptCounts.set(key, occurrence);
    }
  }
  return kept;
}
