import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeDemoFolder } from '../../../fixtures/demo-folder';
import { tempFolder } from '../../../support/temp-folder';
import { allExecutionIds, openInspection } from '../open-inspection';

interface SpanFacts {
  readonly label: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly failed: boolean;
}

const order = (a: SpanFacts, b: SpanFacts): number => a.startMs - b.startMs || a.endMs - b.endMs || a.label.localeCompare(b.label) || Number(a.failed) - Number(b.failed);

describe('OTLP round trip: every demo execution exported, then read back by the inspector’s own OTLP reader', () => {
  const folder = tempFolder('otlp-trip-demo');
  writeDemoFolder(folder);
  const original = openInspection(folder);

  it('gives back the same steps, times and statuses, as one trace each, with no problem', async () => {
    const source = await original;
    const ids = await allExecutionIds(source);
    const answer = await source.call('exportOtlp', { ids });
    assert.equal(answer.skipped.length, 0);
    const exportedTo = tempFolder('otlp-trip-read');
    writeFileSync(join(exportedTo, 'exported.otlp.jsonl'), answer.content);
    const reread = await openInspection(exportedTo);

    const traceOf = new Map<string, string>();
    for (const line of answer.content.trimEnd().split('\n')) {
      const request = JSON.parse(line) as { resourceSpans: { scopeSpans: { spans: { traceId: string; name: string; parentSpanId?: string }[] }[] }[] };
      const spans = request.resourceSpans[0]!.scopeSpans[0]!.spans;
      traceOf.set(spans.find((span) => span.parentSpanId === undefined)!.name, spans[0]!.traceId);
    }
    assert.equal((await reread.call('listExecutions', { limit: 500 })).total, ids.length, 'one execution read back per execution exported');
    assert.deepEqual((await reread.call('listProblems', { limit: 50 })).items, [], 'the export reads back without a single problem');

    for (const id of ids) {
      const before = await source.call('getWaterfall', { id });
      const detail = await source.call('getExecution', { id });
      const runStart = before.startMs ?? before.bars.find((bar) => bar.startMs !== null)?.startMs ?? null;
      assert.notEqual(runStart, null, id);
      const run = before.bars.find((bar) => bar.kind === 'execution');
      const expected: SpanFacts[] = [
        { label: id, startMs: run?.startMs ?? runStart!, endMs: Math.max(run?.startMs ?? runStart!, run?.endMs ?? detail.execution.endMs ?? runStart!), failed: detail.execution.outcome === 'failed' },
        ...before.bars
          .filter((bar) => bar.kind !== 'execution')
          .map((bar) => {
            const start = bar.startMs ?? runStart!;
            return { label: bar.label, startMs: start, endMs: Math.max(start, bar.endMs ?? start), failed: bar.failed };
          }),
      ].sort(order);
      const traceId = traceOf.get(id) ?? assert.fail(`${id} was exported`);
      const after = await reread.call('getWaterfall', { id: `otlp:${traceId}` });
      const actual: SpanFacts[] = after.bars
        .filter((bar) => bar.kind !== 'execution')
        .map((bar) => ({ label: bar.label, startMs: bar.startMs!, endMs: bar.endMs!, failed: bar.failed }))
        .sort(order);
      assert.deepEqual(actual, expected, id);
      const readBack = (await reread.call('getExecution', { id: `otlp:${traceId}` })).execution;
      assert.equal(readBack.outcome === 'failed', expected.some((span) => span.failed), `${id}: a trace with an error span reads back failed`);
    }
  });
});
