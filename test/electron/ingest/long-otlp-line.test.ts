import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { otlpRequest, spanIdOf, spanJson, traceIdOf } from '../../fixtures/write-otlp';
import { indexOnce, query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

describe('a Collector batch of several MB on one line', () => {
  it('is read whole as OTLP (up to the document cap), while any other line over 1 MiB is still reported as too long', async () => {
    const folder = tempFolder('long-otlp');
    const traceId = traceIdOf(7);
    const start = 1_772_445_600_000_000_000n;
    const spans = Array.from({ length: 6_000 }, (_, n) =>
      spanJson({
        traceId, spanId: spanIdOf(n + 1), ...(n === 0 ? {} : { parentSpanId: spanIdOf(1) }), name: `step ${n}`,
        startNs: start + BigInt(n) * 1_000_000n, endNs: start + BigInt(n + 1) * 1_000_000n, attributes: { 'app.note': 'y'.repeat(400) },
      }),
    );
    const batch = JSON.stringify(otlpRequest({ 'service.name': 'agent' }, { name: 'e2e' }, spans));
    assert.ok(batch.length > 3 << 20, `the batch line is ${batch.length} bytes`);
    writeFileSync(join(folder, 'collector.jsonl'), `${batch}\n{"pad":"${'z'.repeat(2 << 20)}"}\n`);
    const db = await indexOnce(folder);
    assert.deepEqual(query(db, "SELECT count(*) AS n FROM events WHERE family = 'otlp'"), [{ n: 6_000 }]);
    assert.deepEqual(query(db, 'SELECT count(*) AS n FROM executions'), [{ n: 1 }]);
    assert.deepEqual(query(db, 'SELECT code, line FROM problems ORDER BY line'), [{ code: 'line.too_long', line: 2 }]);
  });
});
