import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { acknowledgementEntry, acknowledgementOf, journalAcknowledgements, migrateLegacyAcknowledgements, pendingLegacy } from '../../../electron/inspect/journal-acknowledgements';
import { ReviewJournal } from '../../../electron/inspect/review-journal';
import { tempFolder } from '../../support/temp-folder';
import { indexedDemo } from './open-inspection';

const ID = 'record:exec-drop-7';

describe('journal acknowledgements', async () => {
  const { folder, targets } = await indexedDemo('journal-acks');
  const legacyIn = (dataDir: string, lines: readonly object[]): string => {
    mkdirSync(join(dataDir, 'acknowledgements'), { recursive: true });
    const file = join(dataDir, 'acknowledgements', `${createHash('sha256').update(folder).digest('hex').slice(0, 32)}.jsonl`);
    writeFileSync(file, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    return file;
  };
  const old = (id: string, at: string) => ({ id, executionId: ID, reviewer: 'Old', note: null, scaffoldHash: 'c'.repeat(64), acknowledgedAt: at });

  it('records an acknowledgement as an entry on the execution\'s first line, its time the entry\'s', () => {
    const journal = new ReviewJournal(tempFolder('acks-new'), folder, () => new Date('2026-03-03T09:00:00.000Z'));
    const [entry] = journal.append([acknowledgementEntry({ executionId: ID, reviewer: 'Ada', note: 'by hand', scaffoldHash: 'a'.repeat(64) }, targets)]);
    assert.ok(entry);
    assert.equal(entry.kind, 'acknowledgement');
    assert.equal(entry.line?.which, 'execution-first-event');
    const ack = acknowledgementOf(entry);
    assert.deepEqual(ack && { ...ack, id: '' }, { id: '', executionId: ID, reviewer: 'Ada', note: 'by hand', scaffoldHash: 'a'.repeat(64), acknowledgedAt: '2026-03-03T09:00:00.000Z' });
    assert.match(ack?.id ?? '', /^[0-9a-f-]{36}$/);
  });

  it('moves the older file\'s acknowledgements in once, in order, with their own time and line, and lists both newest first', () => {
    const dataDir = tempFolder('acks-migrate');
    const file = legacyIn(dataDir, [old('o1', '2026-01-01T00:00:00.000Z'), old('o2', '2026-01-02T00:00:00.000Z')]);
    const before = readFileSync(file, 'utf8');
    const journal = new ReviewJournal(dataDir, folder, () => new Date('2026-03-03T09:00:00.000Z'));
    journal.append([acknowledgementEntry({ executionId: ID, reviewer: 'Ada', note: null, scaffoldHash: 'a'.repeat(64) }, targets)]);
    assert.equal(pendingLegacy(journal.read().entries, journal.legacyAcknowledgements()).length, 2);
    assert.equal(migrateLegacyAcknowledgements(journal, targets), 2);
    assert.equal(migrateLegacyAcknowledgements(journal, targets), 0, 'nothing is moved twice');
    const { entries, verdict } = journal.read();
    assert.equal(verdict.state, 'intact');
    assert.deepEqual(entries.map((entry) => entry.acknowledgement?.migratedFrom ?? null), [null, `acknowledgements/${file.split('/').at(-1) ?? ''} line 1`, `acknowledgements/${file.split('/').at(-1) ?? ''} line 2`]);
    assert.deepEqual(journalAcknowledgements(entries, journal.legacyAcknowledgements()).map((ack) => [ack.id.slice(0, 2), ack.acknowledgedAt]).slice(1), [
      ['o2', '2026-01-02T00:00:00.000Z'],
      ['o1', '2026-01-01T00:00:00.000Z'],
    ]);
    assert.equal(readFileSync(file, 'utf8'), before, 'the older file is left as it was');
  });

  it('moves nothing into a journal that does not verify, and lists the older ones all the same', () => {
    const dataDir = tempFolder('acks-broken');
    legacyIn(dataDir, [old('o1', '2026-01-01T00:00:00.000Z')]);
    const journal = new ReviewJournal(dataDir, folder, () => new Date());
    mkdirSync(join(dataDir, 'journal'), { recursive: true });
    writeFileSync(journal.file, 'not a journal\n');
    assert.equal(migrateLegacyAcknowledgements(journal, targets), 0);
    assert.equal(readFileSync(journal.file, 'utf8'), 'not a journal\n');
    assert.deepEqual(journalAcknowledgements(journal.read().entries, journal.legacyAcknowledgements()).map((ack) => ack.id), ['o1']);
  });
});
