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

/** A record's steps, snapshots (as the detail shows them) and side effects: what comparing two runs reads. */
export type ComparableRecord = Pick<FamilySections, 'steps' | 'snapshots'> & { readonly sideEffects: SideEffectReport };

/**
 * A record's steps, snapshots and side effects without verifying its chains or
 * deriving its scaffold (step bodies, which only chain verification needs, are
 * never read): what a comparison reads, at a fraction of the cost on long runs.
 * Callers check the family first.
 */
export function comparableRecord(facts: ExecutionFacts, execution: FoundExecution): ComparableRecord {
  const firstDocument = facts.rawEventsOfKind(execution, 'record_document')[0];
  const document = firstDocument === undefined ? null : (JSON.parse(firstDocument.raw) as Record<string, unknown>);
  const parts = recordParts(facts, execution, facts.stepEvents(execution), facts.hasEventOtherThan(execution, 'record_document'), document);
  return { steps: [...parts.steps], snapshots: { pre: snapshotObject(parts.snapshots.pre), post: snapshotObject(parts.snapshots.post) }, sideEffects: parts.sideEffects };
}

/** Steps (the stream's when it has any, else the document's), snapshots and side effects of a record. */
function recordParts(
  facts: ExecutionFacts,
  execution: FoundExecution,
  stepEvents: readonly StoredStepEvent[],
  hasStream: boolean,
  document: Readonly<Record<string, unknown>> | null,
): Pick<RecordAssembly, 'steps' | 'snapshots' | 'sideEffects'> {
  const streamSteps = stepEvents.filter((event) => event.origin === 'stream');
  const documentSteps = stepEvents.filter((event) => event.origin === 'document');
  const steps = assembleSteps(streamSteps.length > 0 ? streamSteps : documentSteps);
  const snapshots = chooseSnapshots(facts.snapshots(execution));
  const planId = execution.row.planId;
  const effects = facts.sideEffects(execution);
  const declared = unionOfSources([...effects.filter((e) => e.origin === 'declared'), ...(planId === null ? [] : facts.planSideEffects(planId))]);
  const streamObserved = effects.filter((e) => e.origin === 'observed' && e.via === 'stream');
  const observed = (streamObserved.length > 0 ? streamObserved : effects.filter((e) => e.origin === 'observed' && e.via === 'document')).map((e) => e.effect);
  // An observer stream reports what it saw (none is none); a document only when it carries side_effects_report.
  const observedReported = hasStream || (document !== null && Object.hasOwn(document, 'side_effects_report'));
  return { steps, snapshots, sideEffects: sideEffectReport(declared, observed, observedReported) };
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
  const positions = new Map(events.map((event, position) => [event, position]));
  const groups = new Map<number | null, Omit<StoredStepEvent, 'body'>[]>();
  for (const event of events) {
    const group = groups.get(event.stepIndex);
    if (group === undefined) groups.set(event.stepIndex, [event]);
    else group.push(event);
  }
  const indexes = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return indexes.map((index) => {
    const group = groups.get(index) ?? [];
    const started = group.find((event) => event.eventType === 'STARTED');
    const ended = group.filter((event) => event.eventType === 'COMPLETED' || event.eventType === 'FAILED').at(-1);
    const failed = group.filter((event) => event.eventType === 'FAILED').at(-1);
    const startedMs = started?.ts ?? null;
    const endedMs = ended?.ts ?? null;
    return {
      index,
      name: group.find((event) => event.stepName !== null)?.stepName ?? null,
      status: group.at(-1)?.eventType ?? null,
      startedMs,
      endedMs,
      durationMs: startedMs !== null && endedMs !== null ? endedMs - startedMs : null,
      errorMessage: failed?.errorMessage ?? null,
      events: group.map((event) => ({ eventId: event.eventId, eventType: event.eventType, ts: event.ts, via: event.origin, position: positions.get(event) ?? 0 })),
    };
  });
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
  return multisetUnion(effects, (effect) => effect.eventId, (effect) => canonicalJson(effect.effect)).map((effect) => effect.effect);
}

/** Hints of every plan document with the plan_id; a plan indexed twice (a copy in another folder) gives its hints once. */
function unionOfHints(hints: readonly { readonly eventId: number; readonly hint: RollbackHintFact }[]): RollbackHintFact[] {
  return multisetUnion(hints, (hint) => hint.eventId, (hint) => canonicalJson(hint.hint)).map((hint) => hint.hint);
}

function multisetUnion<T>(items: readonly T[], sourceOf: (item: T) => number, identity: (item: T) => string): T[] {
  const kept: T[] = [];
  const keptCounts = new Map<string, number>();
  const seenInSource = new Map<string, number>();
  for (const item of items) {
    const key = identity(item);
    const inSource = `${sourceOf(item)}\u0000${key}`;
    const occurrence = (seenInSource.get(inSource) ?? 0) + 1;
    seenInSource.set(inSource, occurrence);
    if (occurrence > (keptCounts.get(key) ?? 0)) {
      kept.push(item);
      keptCounts.set(key, occurrence);
    }
  }
  return kept;
}
