import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { AcknowledgementStore } from '../../../electron/inspect/acknowledgement-store';
import { writeDemoFolder } from '../../fixtures/demo-folder';
import { tempFolder } from '../../support/temp-folder';
import { openInspection } from './open-inspection';

/** Every file of a folder with its size and mtime, to prove nothing in it changed. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        out.push(`${relative(dir, path)} ${stat.size} ${stat.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

describe('acknowledgeRollback and listAcknowledgements', () => {
  const folder = tempFolder('ack-demo');
  writeDemoFolder(folder);
  let clock = Date.parse('2026-03-03T09:00:00.000Z');
  const opened = openInspection(folder, { now: () => new Date((clock += 60_000)) });
  const id = 'record:exec-drop-7';

  it('records the acknowledgement in the data folder, keyed by the folder, and writes nothing in the evidence folder', async () => {
    const inspection = await opened;
    const before = listing(inspection.folder);
    const { scaffoldHash } = await inspection.call('getRollbackScaffold', { id });
    const ack = await inspection.call('acknowledgeRollback', { id, reviewer: 'Ada Reviewer', scaffoldHash, note: 'restore planned for 14:00' });
    assert.equal(ack.executionId, id);
    assert.equal(ack.reviewer, 'Ada Reviewer');
    assert.equal(ack.note, 'restore planned for 14:00');
    assert.equal(ack.scaffoldHash, scaffoldHash);
    assert.match(ack.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(ack.acknowledgedAt, new Date(clock).toISOString());

    const file = join(inspection.dataDir, 'acknowledgements', `${createHash('sha256').update(inspection.folder).digest('hex').slice(0, 32)}.jsonl`);
    assert.ok(existsSync(file));
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    assert.deepEqual(JSON.parse(lines.at(-1) ?? ''), ack);
    assert.deepEqual(listing(inspection.folder), before, 'the evidence folder is untouched');
  });

  it('refuses a scaffold hash the reviewer did not see now as stale, recording nothing', async () => {
    const inspection = await opened;
    const before = (await inspection.call('listAcknowledgements', { id })).items.length;
    const error = await inspection.fail('acknowledgeRollback', { id, reviewer: 'Ada Reviewer', scaffoldHash: '0'.repeat(64) });
    assert.equal(error.code, 'stale');
    assert.equal((await inspection.call('listAcknowledgements', { id })).items.length, before);
  });

  it('lists acknowledgements back newest first, per execution or all, skipping lines that are not acknowledgements', async () => {
    const inspection = await opened;
    const live = await inspection.call('getRollbackScaffold', { id });
    const dry = await inspection.call('getRollbackScaffold', { id: 'record:exec-drop-6' });
    const first = await inspection.call('acknowledgeRollback', { id, reviewer: 'Bo', scaffoldHash: live.scaffoldHash });
    const other = await inspection.call('acknowledgeRollback', { id: 'record:exec-drop-6', reviewer: 'Cy', scaffoldHash: dry.scaffoldHash });
    const second = await inspection.call('acknowledgeRollback', { id, reviewer: 'Di', scaffoldHash: live.scaffoldHash });
    assert.equal(first.note, null, 'a missing note is recorded as null');
    const store = new AcknowledgementStore(inspection.dataDir, inspection.folder, () => new Date());
    appendFileSync(store.file, 'not json\n{"id":"x"}\n\n');

    const mine = (await inspection.call('listAcknowledgements', { id })).items;
    assert.deepEqual(mine.slice(0, 2), [second, first]);
    assert.ok(mine.every((ack) => ack.executionId === id));
    const all = (await inspection.call('listAcknowledgements', {})).items;
    assert.deepEqual(all.slice(0, 3), [second, other, first]);
    assert.ok(all.every((ack, i) => i === 0 || ack.acknowledgedAt <= (all[i - 1]?.acknowledgedAt ?? '')));
  });

  it('has nothing to acknowledge for executions without a scaffold', async () => {
    const inspection = await opened;
    const error = await inspection.fail('acknowledgeRollback', { id: 'benson:PAC-DAN-P53-01', reviewer: 'Ada', scaffoldHash: '0'.repeat(64) });
    assert.equal(error.code, 'not_applicable');
    assert.equal((await inspection.fail('acknowledgeRollback', { id: 'record:nope', reviewer: 'Ada', scaffoldHash: '0'.repeat(64) })).code, 'not_found');
  });

  it('lists nothing, without creating anything, before the first acknowledgement', () => {
    const dataDir = tempFolder('ack-empty');
    const store = new AcknowledgementStore(dataDir, folder, () => new Date());
    assert.deepEqual(store.list(), []);
    assert.deepEqual(readdirSync(dataDir), []);
  });

  it('refuses to write when the data folder lies inside the evidence folder', () => {
    const store = new AcknowledgementStore(join(folder, 'app-data'), folder, () => new Date());
    assert.throws(() => store.append({ executionId: 'record:exec-drop-7', reviewer: 'Ada', note: null, scaffoldHash: '0'.repeat(64) }), /inside the evidence folder/);
    assert.equal(existsSync(join(folder, 'app-data')), false);
  });

  it('refuses a data folder that reaches the evidence folder through a link', () => {
    const outside = tempFolder('ack-link');
    symlinkSync(folder, join(outside, 'evidence'));
    const store = new AcknowledgementStore(join(outside, 'evidence', 'app-data'), folder, () => new Date());
    assert.throws(() => store.append({ executionId: 'record:exec-drop-7', reviewer: 'Ada', note: null, scaffoldHash: '0'.repeat(64) }), /inside the evidence folder/);
    assert.equal(existsSync(join(folder, 'app-data')), false);
  });

  it('keeps acknowledgements private: the file 0600 in a folder 0700', () => {
    const dataDir = tempFolder('ack-mode');
    const store = new AcknowledgementStore(dataDir, folder, () => new Date());
    store.append({ executionId: 'record:exec-drop-7', reviewer: 'Ada', note: null, scaffoldHash: '0'.repeat(64) });
    assert.equal(statSync(store.file).mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, 'acknowledgements')).mode & 0o777, 0o700);
  });
});
