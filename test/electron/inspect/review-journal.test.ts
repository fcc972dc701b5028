import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { JournalNotWritable, ReviewJournal, type JournalEntryInput } from '../../../electron/inspect/review-journal';
import { tempFolder } from '../../support/temp-folder';

const note = (text: string, reviewer = 'Ada Reviewer'): JournalEntryInput => ({
  reviewer,
  kind: 'note',
  target: { executionId: 'record:exec-drop-7', stepIndex: null, eventId: null },
  line: null,
  refers: null,
  text,
  acknowledgement: null,
});

function journalIn(evidence: string): { journal: ReviewJournal; dataDir: string } {
  const dataDir = tempFolder('journal-data');
  let clock = Date.parse('2026-03-03T09:00:00.000Z');
  return { journal: new ReviewJournal(dataDir, evidence, () => new Date((clock += 1000))), dataDir };
}

describe('ReviewJournal', () => {
  const evidence = tempFolder('journal-evidence');
  writeFileSync(join(evidence, 'run.jsonl'), '{"event":"start"}\n');

  it('appends entries one line each, numbered and linked, and reads them back verified after a restart', () => {
    const { journal, dataDir } = journalIn(evidence);
    const first = journal.append([note('first look: the drop was live')]);
    const more = journal.append([note('second', 'Bo'), note('third')]);
    assert.deepEqual([...first, ...more].map((entry) => entry.seq), [1, 2, 3]);
    assert.equal(first[0]?.at, '2026-03-03T09:00:01.000Z');
    const lines = readFileSync(journal.file, 'utf8').split('\n');
    assert.equal(lines.length, 4, 'three lines, each ended by a newline');
    assert.equal(lines[3], '');
    assert.deepEqual(JSON.parse(lines[1] ?? '').seq, 2);
    // A new instance (the app restarted) reads the same journal and verifies it.
    const again = new ReviewJournal(dataDir, evidence, () => new Date());
    const verified = again.read();
    assert.equal(verified.verdict.state, 'intact');
    assert.deepEqual(verified.entries, [...first, ...more]);
    assert.deepEqual(again.head(), { seq: 3, hash: verified.verdict.head });
    assert.deepEqual(readdirSync(evidence), ['run.jsonl'], 'nothing is written in the evidence folder');
  });

  it('finds a hand edit at the edited entry and then refuses to add to the journal', () => {
    const { journal } = journalIn(evidence);
    journal.append([note('one'), note('two'), note('three'), note('four')]);
    const text = readFileSync(journal.file, 'utf8');
    writeFileSync(journal.file, text.replace('"text":"two"', '"text":"2"'));
    const { verdict } = journal.read();
    assert.equal(verdict.state, 'broken');
    assert.deepEqual(verdict.brokenAt && [verdict.brokenAt.line, verdict.brokenAt.seq, verdict.brokenAt.reason], [2, 2, 'entry_hash_mismatch']);
    assert.throws(() => journal.append([note('five')]), (error: unknown) => error instanceof JournalNotWritable && /does not verify/.test(error.message));
    assert.equal(readFileSync(journal.file, 'utf8').split('\n').length, 5, 'nothing was added');
  });

  it('finds entries deleted from the end by hand, through the head kept beside the journal', () => {
    const { journal } = journalIn(evidence);
    journal.append([note('one'), note('two'), note('three')]);
    const lines = readFileSync(journal.file, 'utf8').split('\n');
    writeFileSync(journal.file, `${lines.slice(0, 2).join('\n')}\n`);
    const { verdict } = journal.read();
    assert.deepEqual(verdict.brokenAt && [verdict.brokenAt.line, verdict.brokenAt.seq, verdict.brokenAt.reason], [3, 3, 'missing_tail']);
  });

  it('reports a last line cut short by a crash as truncated, not as tampering, and keeps the entries before it', () => {
    const { journal } = journalIn(evidence);
    journal.append([note('one'), note('two')]);
    const size = statSync(journal.file).size;
    appendFileSync(journal.file, '{"v":1,"seq":3,"prev":"ab');
    const { verdict, entries } = journal.read();
    assert.equal(verdict.state, 'truncated');
    assert.deepEqual(verdict.brokenAt && [verdict.brokenAt.line, verdict.brokenAt.seq, verdict.brokenAt.reason], [3, 3, 'truncated_tail']);
    assert.equal(entries.length, 2);
    assert.throws(() => journal.append([note('three')]), JournalNotWritable);
    truncateSync(journal.file, size);
    assert.equal(journal.append([note('three')])[0]?.seq, 3, 'once the cut line is gone the journal takes entries again');
  });

  it('keeps the journal private, 0600 in a folder 0700, and writes nothing before the first entry', () => {
    const { journal, dataDir } = journalIn(evidence);
    assert.equal(journal.read().verdict.entries, 0);
    assert.deepEqual(readdirSync(dataDir), []);
    journal.append([note('one')]);
    assert.equal(statSync(journal.file).mode & 0o777, 0o600);
    assert.equal(statSync(journal.headFile).mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, 'journal')).mode & 0o777, 0o700);
    assert.ok(!existsSync(`${journal.file}.lock`), 'the lock is released');
  });

  it('refuses a data folder inside the evidence folder, also through a link', () => {
    assert.throws(() => new ReviewJournal(join(evidence, 'app-data'), evidence, () => new Date()).append([note('x')]), /inside the evidence folder/);
    const outside = tempFolder('journal-link');
    symlinkSync(evidence, join(outside, 'evidence'));
    assert.throws(() => new ReviewJournal(join(outside, 'evidence', 'app-data'), evidence, () => new Date()).append([note('x')]), /inside the evidence folder/);
    assert.deepEqual(readdirSync(evidence), ['run.jsonl']);
  });

  it('takes over a lock left by a writer that died', () => {
    const { journal } = journalIn(evidence);
    journal.append([note('one')]);
    writeFileSync(`${journal.file}.lock`, '99999');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${journal.file}.lock`, old, old);
    assert.equal(journal.append([note('two')])[0]?.seq, 2);
  });

  it('links every entry once when two processes append at the same time', async () => {
    const { journal, dataDir } = journalIn(evidence);
    const module = join(__dirname, '..', '..', '..', 'electron', 'inspect', 'review-journal.js');
    const script = `const { ReviewJournal } = require(${JSON.stringify(module)});
      const journal = new ReviewJournal(process.argv[1], process.argv[2], () => new Date());
      for (let i = 0; i < 25; i += 1) journal.append([{ reviewer: process.argv[3], kind: 'note', target: { executionId: null, stepIndex: null, eventId: 1 }, line: null, refers: null, text: String(i), acknowledgement: null }]);`;
    const run = (who: string): Promise<number | null> =>
      new Promise((resolve) => spawn(process.execPath, ['-e', script, dataDir, evidence, who], { stdio: 'inherit' }).on('exit', resolve));
    assert.deepEqual(await Promise.all([run('app'), run('cli')]), [0, 0]);
    const { verdict, entries } = journal.read();
    assert.equal(verdict.state, 'intact', verdict.statement);
    assert.equal(entries.length, 50);
    assert.equal(entries.filter((entry) => entry.reviewer === 'app').length, 25);
  });
});
