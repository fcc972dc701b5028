import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { folderDigest } from '../../../e2e/support/evidence-folder';
import { writeDemoFolder } from '../../../fixtures/demo-folder';
import { tempFolder } from '../../../support/temp-folder';
import { openInspection } from '../../inspect/open-inspection';

const ID = 'record:exec-drop-7';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('journal methods', () => {
  const folder = tempFolder('journal-api-demo');
  writeDemoFolder(folder);
  let clock = Date.parse('2026-03-03T09:00:00.000Z');
  const now = (): Date => new Date((clock += 60_000));
  const dataDir = tempFolder('journal-api-data');
  const opened = openInspection(folder, { now, dataDir });

  it('refuses a note until a reviewer is named, then signs with the saved name', async () => {
    const inspection = await opened;
    const before = folderDigest(inspection.folder);
    assert.equal((await inspection.call('getJournal', {})).reviewer, null);
    const refused = await inspection.fail('addNote', { kind: 'note', executionId: ID, text: 'first look' });
    assert.equal(refused.code, 'invalid_request');
    assert.equal((await inspection.call('setReviewer', { reviewer: '  Ada Reviewer ' })).reviewer, 'Ada Reviewer');
    const added = await inspection.call('addNote', { kind: 'note', executionId: ID, text: 'The drop ran live: see step 1.' });
    assert.equal(added.reviewer, 'Ada Reviewer');
    assert.equal(added.seq, 1);
    assert.deepEqual(added.target, { executionId: ID, stepIndex: null, eventId: null });
    // An execution's line is its first event in the execution page's order: here its record document.
    const first = (await inspection.call('getExecution', { id: ID })).events[0];
    assert.ok(first !== undefined);
    const raw = (await inspection.call('getEvent', { id: first.id })).raw;
    assert.deepEqual(added.line && [added.line.which, added.line.path, added.line.line, added.line.sha256], ['execution-first-event', first.source.path, first.source.line, sha256(raw)]);
    assert.equal(added.line?.text, raw.slice(0, 16_384));
    assert.equal(added.targetNow, 'matches');
    assert.equal(added.eventIdNow, first.id);
    assert.equal(JSON.parse(readFileSync(join(dataDir, 'reviewer.json'), 'utf8')).reviewer, 'Ada Reviewer');
    assert.deepEqual(folderDigest(inspection.folder), before, 'the evidence folder is untouched');
  });

  it('notes a step and an event, and lists them with the execution and on the event', async () => {
    const inspection = await opened;
    const detail = await inspection.call('getExecution', { id: ID });
    const step = detail.steps.find((s) => s.index === 1);
    const stepEvent = step?.events[0];
    assert.ok(stepEvent !== undefined);
    const onStep = await inspection.call('addNote', { kind: 'bookmark', executionId: ID, stepIndex: 1, text: 'the drop' });
    assert.equal(onStep.line?.which, 'step-first-event');
    assert.equal(onStep.eventIdNow, stepEvent.eventId);
    const onEvent = await inspection.call('addNote', { kind: 'note', eventId: stepEvent.eventId, text: 'no snapshot before this', reviewer: 'Bo' });
    assert.deepEqual(onEvent.target, { executionId: ID, stepIndex: null, eventId: stepEvent.eventId });
    assert.equal(onEvent.reviewer, 'Bo', 'a request may name its reviewer');
    assert.equal(onEvent.line?.which, 'event');

    const ofExecution = await inspection.call('listNotes', { executionId: ID });
    assert.deepEqual(ofExecution.items.map((n) => n.seq), [1, 2, 3]);
    assert.equal(ofExecution.verdict.state, 'intact');
    const ofEvent = await inspection.call('listNotes', { eventId: stepEvent.eventId });
    assert.deepEqual(ofEvent.items.map((n) => n.seq).sort(), [2, 3], 'the step note is on its first event too');
    assert.deepEqual((await inspection.call('listNotes', { executionId: 'record:exec-drop-6' })).items, []);
    assert.equal((await inspection.fail('addNote', { kind: 'note', executionId: ID, stepIndex: 99, text: 'x' })).code, 'not_found');
    assert.equal((await inspection.fail('addNote', { kind: 'note', eventId: 9_999_999, text: 'x' })).code, 'not_found');
    assert.equal((await inspection.fail('addNote', { kind: 'note', text: 'x' })).code, 'not_found');
  });

  it('edits and deletes by appending entries: the earlier text and the note stay in the journal', async () => {
    const inspection = await opened;
    const edited = await inspection.call('editNote', { seq: 1, text: 'The drop ran live (step 1, no snapshot).' });
    assert.equal(edited.text, 'The drop ran live (step 1, no snapshot).');
    assert.deepEqual(edited.history.map((h) => [h.seq, h.text]), [[1, 'The drop ran live: see step 1.']]);
    const deleted = await inspection.call('deleteNote', { seq: 2, reason: 'duplicate of note 1' });
    assert.equal(deleted.deleted?.reason, 'duplicate of note 1');
    assert.equal(deleted.deleted?.reviewer, 'Ada Reviewer');
    assert.equal((await inspection.fail('editNote', { seq: 2, text: 'again' })).code, 'not_applicable');
    assert.equal((await inspection.fail('deleteNote', { seq: 42 })).code, 'not_found');
    const journal = await inspection.call('getJournal', {});
    assert.equal(journal.verdict.state, 'intact');
    assert.equal(journal.verdict.entries, 5);
    const kinds = readFileSync(journal.file, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { kind: string }).kind);
    assert.deepEqual(kinds, ['note', 'bookmark', 'note', 'correction', 'deletion']);
    assert.ok(readFileSync(journal.file, 'utf8').includes('The drop ran live: see step 1.'), 'nothing is rewritten');
  });

  it('records rollback acknowledgements as journal entries', async () => {
    const inspection = await opened;
    const { scaffoldHash } = await inspection.call('getRollbackScaffold', { id: ID });
    const ack = await inspection.call('acknowledgeRollback', { id: ID, reviewer: 'Cy', scaffoldHash, note: 'restore planned for 14:00' });
    assert.equal(ack.acknowledgedAt, new Date(clock).toISOString());
    assert.deepEqual((await inspection.call('listAcknowledgements', { id: ID })).items[0], ack);
    const journal = await inspection.call('getJournal', {});
    const last = JSON.parse(readFileSync(journal.file, 'utf8').trim().split('\n').at(-1) ?? '') as { kind: string; acknowledgement: { id: string; scaffoldHash: string } };
    assert.equal(last.kind, 'acknowledgement');
    assert.deepEqual([last.acknowledgement.id, last.acknowledgement.scaffoldHash], [ack.id, scaffoldHash]);
    assert.equal(journal.verdict.state, 'intact');
  });

  it('puts the execution\'s notes and acknowledgements in its incident report', async () => {
    const inspection = await opened;
    const json = JSON.parse((await inspection.call('exportReport', { id: ID, format: 'json' })).content) as { reviewJournal: { verdict: { state: string }; notes: { seq: number; deleted: unknown }[]; acknowledgements: { reviewer: string }[] } };
    assert.equal(json.reviewJournal.verdict.state, 'intact');
    assert.deepEqual(json.reviewJournal.notes.map((n) => [n.seq, n.deleted !== null]), [[1, false], [2, true], [3, false]]);
    assert.deepEqual(json.reviewJournal.acknowledgements.map((a) => a.reviewer), ['Cy']);
    const md = (await inspection.call('exportReport', { id: ID, format: 'md' })).content;
    assert.match(md, /## Review journal/);
    assert.match(md, /The drop ran live \(step 1, no snapshot\)\./);
    assert.match(md, /deleted by Ada Reviewer/);
    const html = (await inspection.call('exportReport', { id: ID, format: 'html' })).content;
    assert.match(html, /<h2>Review journal<\/h2>/);
    assert.match(html, /no snapshot before this/);
    const other = JSON.parse((await inspection.call('exportReport', { id: 'record:exec-drop-6', format: 'json' })).content) as { reviewJournal: { notes: unknown[] } };
    assert.deepEqual(other.reviewJournal.notes, []);
  });

  it('exports the whole journal exactly as written, with its verdict', async () => {
    const inspection = await opened;
    const exported = await inspection.call('exportJournal', {});
    const content = JSON.parse(exported.content) as { journal: string; sha256: string; verdict: { state: string; entries: number } };
    const bytes = readFileSync((await inspection.call('getJournal', {})).file);
    assert.equal(content.journal, bytes.toString('utf8'));
    assert.equal(content.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.deepEqual([content.verdict.state, content.verdict.entries], ['intact', 6]);
    assert.equal(exported.filename, 'review-journal.json');
  });

  it('keeps everything over a restart on a rebuilt index, and sees when a noted line changed in the folder', async () => {
    const inspection = await opened;
    const before = await inspection.call('listNotes', {});
    // A restart with a fresh index: event ids are the index's, notes are found again by their line.
    const restarted = await openInspection(folder, { now, dataDir });
    const after = await restarted.call('listNotes', {});
    assert.deepEqual(after.items.map((n) => [n.seq, n.text, n.targetNow]), before.items.map((n) => [n.seq, n.text, 'matches']));
    assert.equal((await restarted.call('listAcknowledgements', { id: ID })).items.length, 1);
    assert.equal((await restarted.call('getJournal', {})).verdict.state, 'intact');
    // The noted step line is rewritten in the folder (a copy here): its note says so once the index reads it.
    const step = before.items.find((n) => n.seq === 2);
    assert.ok(step?.line);
    const file = join(folder, step.line.path);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[step.line.line - 1] = (lines[step.line.line - 1] ?? '').replace('"', '"x_":1,"');
    writeFileSync(file, lines.join('\n'));
    const changed = await openInspection(folder, { now, dataDir });
    const noted = (await changed.call('listNotes', {})).items.find((n) => n.seq === 2);
    assert.equal(noted?.targetNow, 'changed');
  });

  it('reports a journal edited by hand as broken at the edited entry, and refuses new entries', async () => {
    const inspection = await opened;
    const { file } = await inspection.call('getJournal', {});
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('no snapshot before this', 'snapshot taken before this'));
    const journal = await inspection.call('getJournal', {});
    assert.equal(journal.verdict.state, 'broken');
    assert.deepEqual(journal.verdict.brokenAt && [journal.verdict.brokenAt.line, journal.verdict.brokenAt.seq, journal.verdict.brokenAt.reason], [3, 3, 'entry_hash_mismatch']);
    const refused = await inspection.fail('addNote', { kind: 'note', executionId: ID, text: 'more' });
    assert.equal(refused.code, 'not_applicable');
    assert.match(refused.message, /broken at line 3/);
    const listed = await inspection.call('listNotes', {});
    assert.equal(listed.verdict.state, 'broken');
    assert.deepEqual(listed.items.map((n) => n.seq), [1, 2], 'only entries that verify are shown as notes');
    writeFileSync(file, text);
  });

  it('moves an older version\'s acknowledgements into the journal on first open, and leaves their file as it was', async () => {
    const evidence = tempFolder('journal-api-legacy');
    writeDemoFolder(evidence);
    const legacyData = tempFolder('journal-api-legacy-data');
    const inspection0 = await openInspection(evidence, { now, dataDir: legacyData });
    const { scaffoldHash } = await inspection0.call('getRollbackScaffold', { id: ID });
    const key = createHash('sha256').update(inspection0.folder).digest('hex').slice(0, 32);
    mkdirSync(join(legacyData, 'acknowledgements'), { recursive: true });
    const legacyFile = join(legacyData, 'acknowledgements', `${key}.jsonl`);
    const old = [
      { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', executionId: ID, reviewer: 'Old Reviewer', note: null, scaffoldHash, acknowledgedAt: '2026-01-02T03:04:05.000Z' },
      { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3302', executionId: ID, reviewer: 'Older Reviewer', note: 'checked', scaffoldHash, acknowledgedAt: '2026-01-01T03:04:05.000Z' },
    ];
    const legacyText = `${JSON.stringify(old[0])}\nnot json\n${JSON.stringify(old[1])}\n`;
    writeFileSync(legacyFile, legacyText);
    const opened1 = await openInspection(evidence, { now, dataDir: legacyData });
    const journal = await opened1.call('getJournal', {});
    assert.deepEqual(journal.legacyAcknowledgements, { file: legacyFile, pending: 0, unreadableLines: [2] });
    assert.equal(journal.verdict.entries, 2);
    assert.deepEqual((await opened1.call('listAcknowledgements', { id: ID })).items, old);
    const moved = readFileSync(journal.file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { acknowledgement: { migratedFrom: string } });
    assert.deepEqual(moved.map((entry) => entry.acknowledgement.migratedFrom), [`acknowledgements/${key}.jsonl line 1`, `acknowledgements/${key}.jsonl line 3`]);
    assert.equal(readFileSync(legacyFile, 'utf8'), legacyText, 'the older file is left as it was');
    // Opening again moves nothing twice.
    const opened2 = await openInspection(evidence, { now, dataDir: legacyData });
    assert.equal((await opened2.call('getJournal', {})).verdict.entries, 2);
    assert.equal((await opened2.call('listAcknowledgements', {})).items.length, 2);
  });

  it('lists an older version\'s acknowledgements while the journal cannot take them', async () => {
    const evidence = tempFolder('journal-api-legacy-broken');
    writeDemoFolder(evidence);
    const data = tempFolder('journal-api-legacy-broken-data');
    const inspection0 = await openInspection(evidence, { now, dataDir: data });
    const key = createHash('sha256').update(inspection0.folder).digest('hex').slice(0, 32);
    mkdirSync(join(data, 'acknowledgements'), { recursive: true });
    mkdirSync(join(data, 'journal'), { recursive: true });
    const ack = { id: 'a1', executionId: ID, reviewer: 'Old Reviewer', note: null, scaffoldHash: '0'.repeat(64), acknowledgedAt: '2026-01-02T03:04:05.000Z' };
    writeFileSync(join(data, 'acknowledgements', `${key}.jsonl`), `${JSON.stringify(ack)}\n`);
    writeFileSync(join(data, 'journal', `${key}.jsonl`), '{"v":1,"seq":1,"prev":"00');
    const inspection = await openInspection(evidence, { now, dataDir: data });
    const journal = await inspection.call('getJournal', {});
    assert.equal(journal.verdict.state, 'truncated');
    assert.equal(journal.legacyAcknowledgements?.pending, 1);
    assert.deepEqual((await inspection.call('listAcknowledgements', {})).items, [ack]);
  });
});
