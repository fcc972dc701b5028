import { opensPacDispatch } from '../../shared/formats/benson';
import type Database from 'better-sqlite3';
import { isUntracedKey } from '../../shared/model/execution-id';
import type { ExecutionChecker } from '../index/index-writer';
import type { ChainVerdict } from '../../shared/model/inspection';
import { ExecutionProblemRows, type ExecutionFinding, type StepEventRef } from '../index/queries/execution-problem-rows';
import { StepBodies } from '../index/queries/step-bodies';
import { documentIntegrity, documentStatus, HASH_RULE_NAMES } from '../integrity/document-integrity';
import { verifyChain } from '../integrity/hash-chain';
import { recordIntegrityState } from '../integrity/record-integrity-state';

/**
 * Recomputes the problems that only show across events of one execution
 * (duplicate terminal events, unpaired dispatches, duplicate finishes) and keeps
 * the execution's problem count in step. Cheap: it reads only that execution's
 * terminal-like events through the (execution_id, ts) index.
 */
export class ExecutionProblems implements ExecutionChecker {
  private readonly rows: ExecutionProblemRows;
  private readonly stepBodies: StepBodies;

  constructor(db: Database.Database) {
    this.stepBodies = new StepBodies(db);
    this.rows = new ExecutionProblemRows(db);
  }

  /** Cross-event problems are looked for only where they can exist, so a million clean executions cost nothing. */
  needsCheck(family: string, key: string, row: { open_count: number; close_count: number; exec_problems: number }): boolean {
    return (
      row.exec_problems > 0 ||
      (family === 'exec-event' && row.close_count > 1 && !isUntracedKey(key)) ||
      (family === 'benson' && (row.open_count !== 1 || row.close_count !== 1)) ||
      family === 'record'
    );
  }

  /** Replaces one execution's cross-event problems (and a record's integrity state); returns how many problems it has now. */
  refresh(executionId: number, family: string, key: string): number {
    const findings = this.find(executionId, family, key);
    this.rows.replace(executionId, findings);
    return findings.length;
  }

  /**
   * Checks the records an index migrated from an older schema holds as `unchecked`
   * (migration 010 cannot recompute a hash in SQL), in one transaction; returns how many.
   */
  refreshUnchecked(): number {
    const unchecked = this.rows.uncheckedRecords();
    this.rows.inTransaction(() => {
      for (const row of unchecked) this.refresh(row.id, 'record', row.key);
    });
    return unchecked.length;
  }

  private find(executionId: number, family: string, key: string): ExecutionFinding[] {
    const s = this.rows;
    if (family === 'exec-event' && !isUntracedKey(key)) {
      const terminals = s.terminals(executionId);
      return terminals.slice(1).map((e, i) => ({
        sourceId: e.source_id, line: e.line, eventId: e.id, code: 'exec.duplicate_terminal_event',
        message: `trace_id "${key}" has ${terminals.length} terminal events; this is number ${i + 2}.`,
      }));
    }
    if (family === 'benson') {
      // Second sightings of an event (log_file and captured stdout) are left out by the query.
      const marks = s.dispatches(executionId);
      const starts = marks.filter((e) => opensPacDispatch(e.kind));
      const ends = marks.filter((e) => e.kind === 'PAC_DISPATCH_END');
      if (starts.length === 1 && ends.length === 1) return [];
      const at = starts[0] ?? ends[0] ?? s.firstEvent(executionId);
      return [{
        sourceId: at?.source_id ?? null, line: at?.line ?? null, eventId: at?.id ?? null, code: 'benson.unpaired_dispatch',
        message: `PAC ${key} has ${starts.length} PAC_DISPATCH_START (or _WITH_SESSION) and ${ends.length} PAC_DISPATCH_END events; exactly one of each is expected.`,
      }];
    }
    if (family === 'record') {
      const finishes = s.finishes(executionId);
      const duplicates: ExecutionFinding[] = finishes.slice(1).map((e, i) => ({
        sourceId: e.source_id, line: e.line, eventId: e.id, code: 'record.duplicate_finish',
        message: `execution ${key} was finished ${finishes.length} times; this is number ${i + 2}.`,
      }));
      return [...duplicates, ...this.recordIntegrity(executionId, key)];
    }
    return [];
  }

  /** formats.md tamper evidence: each chain, the document's execution_hash, and stream vs document. */
  private recordIntegrity(executionId: number, key: string): ExecutionFinding[] {
    const s = this.rows;
    const findings: ExecutionFinding[] = [];
    const chains = new Map<'stream' | 'document', { verdict: ChainVerdict; rows: StepEventRef[] }>();
    const streamRows = s.stepEvents(executionId, 'stream');
    if (streamRows.length > 0) chains.set('stream', { verdict: verifyChain(this.stepBodies.of(streamRows)), rows: streamRows });
    const events = s.recordEvents(executionId);
    const document = events.find((e) => e.kind === 'record_document');
    const finished = events.filter((e) => e.kind === 'execution_finished').at(-1);
    const started = events.find((e) => e.kind === 'execution_started');
    const doc = document === undefined ? null : (JSON.parse(document.raw) as Record<string, unknown>);
    // The same check verifyExecution answers with: the rule the document's hashes match, absent step hashes never a break.
    const integrity = document === undefined || doc === null ? null : documentIntegrity(document.raw, doc);
    if (integrity !== null) chains.set('document', { verdict: integrity.chain, rows: s.stepEvents(executionId, 'document') });
    this.rows.setIntegrity(executionId, recordIntegrityState([...chains.values()].map((chain) => chain.verdict), integrity?.executionHash ?? 'absent'));
    for (const [origin, { verdict, rows }] of chains) {
      if (verdict.chain !== 'broken') continue;
      const at = rows[verdict.brokenAt ?? 0] ?? rows[0];
      findings.push({
        sourceId: at?.source_id ?? document?.source_id ?? null, line: at?.line ?? document?.line ?? null, eventId: at?.event_id ?? document?.id ?? null, code: 'record.chain_broken',
        message: `The ${origin === 'stream' ? 'observer stream' : 'record document'} hash chain of ${key} breaks at ${origin} step event ${verdict.brokenAt} (${verdict.reason}).`,
      });
    }
    if (document && doc !== null && integrity !== null) {
      const documentChain = integrity.chain;
      if (integrity.executionHash === 'mismatch') {
        findings.push({
          sourceId: document.source_id, line: document.line, eventId: document.id, code: 'record.execution_hash_mismatch',
          message: `The execution_hash of record document ${key} does not match (${HASH_RULE_NAMES[integrity.executionHashRule ?? 'jcs']}): one of ${integrity.covers.join(', ')} changed after the producer hashed it.`,
        });
      }
      if (started || finished || chains.has('stream')) {
        const differences: string[] = [];
        const streamStatus = finished?.status ?? 'STARTED';
        const docStatus = documentStatus(doc);
        if (docStatus !== streamStatus) differences.push(`status (stream ${streamStatus}, document ${String(doc['status'])})`);
        if (started) {
          const first = JSON.parse(started.raw) as Record<string, unknown>;
          if (first['plan_id'] !== doc['plan_id']) differences.push('plan_id');
          if (first['live_mode_state'] !== doc['live_mode_state']) differences.push('live_mode_state');
        }
        const streamHead = chains.get('stream')?.verdict.chainHead ?? null;
        if (chains.has('stream') && streamHead !== (documentChain?.chainHead ?? null)) differences.push('step events (chain heads differ)');
        if (differences.length > 0) {
          findings.push({
            sourceId: document.source_id, line: document.line, eventId: document.id, code: 'record.stream_document_mismatch',
            message: `The observer stream and the record document of ${key} disagree on ${differences.join(', ')}.`,
          });
        }
      }
    }
    return findings;
  }
}

