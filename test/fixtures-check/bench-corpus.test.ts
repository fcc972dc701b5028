import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXECUTION_FAMILIES } from '../../shared/model/family';
import { BENCH_FAMILIES, writeBenchCorpus } from '../fixtures/bench-corpus';
import { listFiles, naiveRecount, verifyChain } from './naive-recount';

describe('writeBenchCorpus', () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const options = { events: 6_007, files: 23, seed: 5 };
  const result = writeBenchCorpus(join(root, 'a'), options);
  const recount = naiveRecount(join(root, 'a'), new Set());

  it('writes exactly the requested number of event lines and reports the bytes', () => {
    assert.equal(result.events, options.events);
    assert.equal(Object.values(recount.events).reduce((sum, count) => sum + count, 0), options.events);
    assert.equal(recount.nonEvents.size, 0);
    const files = listFiles(join(root, 'a'));
    assert.equal(files.length, result.files);
    assert.equal(files.reduce((sum, file) => sum + statSync(join(root, 'a', file)).size, 0), result.bytes);
    assert.ok(files.some((file) => file.split('/').length >= 4), 'nested folders');
  });

  it('mixes all five families in the proportions it reports', () => {
    assert.equal(recount.events.generic, 0);
    for (const family of EXECUTION_FAMILIES) {
      assert.equal(recount.events[family], result.byFamily[family], family);
      assert.equal(result.byFamily[family] > 0, BENCH_FAMILIES.includes(family), family);
    }
    const average = result.bytes / result.events;
    assert.ok(average > 150 && average < 300, `${average} bytes per line`);
  });

  it('writes clean data: UTC times, unique traces, paired PACs, intact chains', () => {
    assert.equal(recount.notUtc.size, 0);
    assert.equal(recount.duplicateTraces.size, 0);
    assert.equal(recount.unpairedPacs.size, 0);
    const steps = new Map<string, Record<string, unknown>[]>();
    for (const object of recount.objects) {
      if (object.value['kind'] !== 'step_event') continue;
      const key = String(object.value['execution_id']);
      steps.set(key, [...(steps.get(key) ?? []), object.value]);
    }
    assert.ok(steps.size > 0);
    for (const [key, events] of steps) assert.deepEqual(verifyChain(events), { chain: 'intact' }, key);
  });

  it('is deterministic for a seed', () => {
    writeBenchCorpus(join(root, 'b'), options);
    for (const file of listFiles(join(root, 'a'))) assert.ok(readFileSync(join(root, 'a', file)).equals(readFileSync(join(root, 'b', file))), file);
  });

  it('writes random trace ids on request, and changes nothing else', () => {
    writeBenchCorpus(join(root, 'random'), { ...options, traceIds: 'random' });
    const traceId = /"trace_id":"([^"]*)"/g;
    const ids = new Set<string>();
    let changed = 0;
    for (const file of listFiles(join(root, 'a'))) {
      const ordered = readFileSync(join(root, 'a', file), 'utf8');
      const random = readFileSync(join(root, 'random', file), 'utf8');
      for (const [, id] of random.matchAll(traceId)) {
        assert.match(id as string, /^[0-9a-f]{32}$/);
        ids.add(id as string);
      }
      // With every trace id put back the same way, the files are the same.
      assert.equal(random.replace(traceId, '"trace_id":"?"'), ordered.replace(traceId, '"trace_id":"?"'), file);
      if (random !== ordered) changed++;
    }
    assert.equal(ids.size, result.byFamily['exec-event']);
    assert.ok(changed > 0);
    assert.equal(naiveRecount(join(root, 'random'), new Set()).duplicateTraces.size, 0);
  });
});
