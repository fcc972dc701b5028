import type { ChainVerdict } from '../../../shared/model/inspection';
import type { ExecutionFinding, StepEventRef } from '../../index/queries/execution-problem-rows';
import { documentIntegrity, documentStatus, HASH_RULE_NAMES } from '../../integrity/document-integrity';
import { verifyChain } from '../../integrity/hash-chain';
import { recordIntegrityState } from '../../integrity/record-integrity-state';
import type { CheckReads } from '../family-module';

/** A record's duplicate finishes, then its tamper evidence: both hash chains, the execution_hash, stream against document. */
export function recordFindings(executionId: number, key: string, reads: CheckReads): ExecutionFinding[] {
  const finishes = reads.rows.finishes(executionId);
  const duplicates: ExecutionFinding[] = finishes.slice(1).map((e, i) => ({
    sourceId: e.source_id, line: e.line, eventId: e.id, code: 'record.duplicate_finish',
    message: `execution ${key} was finished ${finishes.length} times; this is number ${i + 2}.`,
  }));
  return [...duplicates, ...recordIntegrityFindings(executionId, key, reads)];
}

/** formats.md tamper evidence: each chain, the document's execution_hash, and stream vs document. */
export function recordIntegrityFindings(executionId: number, key: string, { rows: s, stepBodies }: CheckReads): ExecutionFinding[] {
  const findings: ExecutionFinding[] = [];
  const chains = new Map<'stream' | 'document', { verdict: ChainVerdict; rows: StepEventRef[] }>();
  const streamRows = s.stepEvents(executionId, 'stream');
  if (streamRows.length > 0) chains.set('stream', { verdict: verifyChain(stepBodies.of(streamRows)), rows: streamRows });
  const events = s.recordEvents(executionId);
  const document = events.find((e) => e.kind === 'record_document');
  const finished = events.filter((e) => e.kind === 'execution_finished').at(-1);
  const started = events.find((e) => e.kind === 'execution_started');
  const doc = document === undefined ? null : (JSON.parse(document.raw) as Record<string, unknown>);
  // The same check verifyExecution answers with: the rule the document's hashes match, absent step hashes never a break.
  const integrity = document === undefined || doc === null ? null : documentIntegrity(document.raw, doc);
  if (integrity !== null) chains.set('document', { verdict: integrity.chain, rows: s.stepEvents(executionId, 'document') });
  // The record's integrity state, its own dimension beside its outcome, kept with the findings it is drawn from.
  s.setIntegrity(executionId, recordIntegrityState([...chains.values()].map((chain) => chain.verdict), integrity?.executionHash ?? 'absent'));
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
