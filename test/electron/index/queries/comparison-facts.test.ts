import { strict as assert } from 'node:assert';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { openIndexReadOnly } from '../../../../electron/index/open-index';
import { ComparisonFacts } from '../../../../electron/index/queries/comparison-facts';
import { indexOnce } from '../../../support/index-folder';
import { tempFolder } from '../../../support/temp-folder';

const cycleLine = (runId: string, cycle: number, event: string, second: number): string =>
  JSON.stringify({ schema_version: '0.1', timestamp: `2026-04-01T10:00:${String(second).padStart(2, '0')}.000Z`, source: 'planner', run_id: runId, cycle, event, payload: { redacted_fields: [] } });

describe('ComparisonFacts', () => {
  let db: Database.Database;
  let facts: ComparisonFacts;
  before(async () => {
    const folder = tempFolder('comparison-facts');
    mkdirSync(join(folder, 'logs'), { recursive: true });
    // Run names with LIKE's own characters: `a_b` must not select `axb`, and `100%` must not select `100x`.
    const runs = ['t1/a_b', 't2/a_b', 't3/axb', 't4/100%', 't5/100x', 'a_b'];
    writeFileSync(join(folder, 'logs', 'cycles.jsonl'), `${runs.flatMap((runId, i) => [cycleLine(runId, 1, 'plan.generated', i * 2), cycleLine(runId, 2, 'review.decision', i * 2 + 1)]).join('\n')}\n`);
    db = openIndexReadOnly(await indexOnce(realpathSync(folder)));
    facts = new ComparisonFacts(db);
  });
  after(() => db?.close());

  it('selects the runs of one run name, its LIKE characters taken literally', () => {
    assert.deepEqual(facts.scopeMembers({ family: 'cycle', field: 'run_name', value: 'a_b' }).map((m) => m.id), ['cycle:t1/a_b', 'cycle:t2/a_b', 'cycle:a_b']);
    assert.deepEqual(facts.scopeMembers({ family: 'cycle', field: 'run_name', value: '100%' }).map((m) => m.id), ['cycle:t4/100%']);
  });

  it('reads a run\'s events in time order with their cycle, and its first and last event', () => {
    const [member] = facts.scopeMembers({ family: 'cycle', field: 'run_name', value: '100%' });
    assert.ok(member !== undefined);
    const events = facts.runEvents(member.rowId, 10);
    assert.deepEqual(events.map((e) => [e.kind, e.cycle]), [['plan.generated', 1], ['review.decision', 2]]);
    assert.deepEqual(facts.edgeEvents(member.rowId).map((e) => e.id), events.map((e) => e.id));
    assert.deepEqual(facts.evidence([events[1]?.id ?? 0, 999_999]).map((e) => [e.path, e.line]), [['logs/cycles.jsonl', 8]]);
  });

  it('gives a fingerprint that names what changes when an execution does', () => {
    const [member] = facts.scopeMembers({ family: 'cycle', field: 'run_name', value: '100%' });
    assert.ok(member !== undefined);
    assert.equal(facts.fingerprint(member.rowId), member.fingerprint);
    assert.match(member.fingerprint, /^2:0:0:/);
    assert.equal(facts.fingerprint(999_999), null);
  });
});
