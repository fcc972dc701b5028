import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { entryHash, entryLine, GENESIS_PREV, verifyJournal, type UnhashedEntry } from '../../../electron/inspect/journal-chain';

/** A journal of `count` notes written the way the store writes them, as lines without their newlines. */
function chainOf(count: number, reviewer = 'Ada Reviewer'): string[] {
  const lines: string[] = [];
  let prev = GENESIS_PREV;
  for (let seq = 1; seq <= count; seq += 1) {
    const entry: UnhashedEntry = {
      v: 1,
      seq,
      prev,
      at: `2026-03-03T09:0${seq}:00.000Z`,
      reviewer: seq % 2 === 0 ? 'Bo' : reviewer,
      kind: seq === 3 ? 'correction' : 'note',
      target: { executionId: 'record:exec-drop-7', stepIndex: null, eventId: null },
      line: { which: 'execution-first-event', path: 'streams/exec-drop-7.jsonl', line: 1, sha256: 'a'.repeat(64), text: '{"event":"start"}', textTruncated: false },
      refers: seq === 3 ? 1 : null,
      text: `note ${seq}: "quoted" and ünïcode`,
      acknowledgement: null,
    };
    const line = entryLine(entry);
    lines.push(line);
    prev = createHash('sha256').update(line).digest('hex');
  }
  return lines;
}

const bytes = (lines: readonly string[], tail = '\n'): Buffer => Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}${tail}`, 'utf8');

describe('verifyJournal', () => {
  it('finds a journal written by the rule intact, with every entry, and an empty journal intact too', () => {
    const lines = chainOf(5);
    const verified = verifyJournal(bytes(lines));
    assert.equal(verified.verdict.state, 'intact');
    assert.equal(verified.verdict.entries, 5);
    assert.equal(verified.verdict.brokenAt, null);
    assert.deepEqual(verified.entries.map((entry) => entry.seq), [1, 2, 3, 4, 5]);
    assert.equal(verified.verdict.head, createHash('sha256').update(lines[4] ?? '').digest('hex'));
    assert.equal(verified.entries[0]?.prev, GENESIS_PREV);
    assert.equal(verified.entries[1]?.hash, entryHash(verified.entries[1] as UnhashedEntry));
    const empty = verifyJournal(Buffer.alloc(0));
    assert.deepEqual([empty.verdict.state, empty.verdict.entries, empty.verdict.head], ['intact', 0, GENESIS_PREV]);
  });

  it('finds an entry whose text was edited by hand at that very entry, the last one included', () => {
    for (const edited of [2, 5]) {
      const lines = chainOf(5);
      lines[edited - 1] = (lines[edited - 1] ?? '').replace(`note ${edited}:`, `note ${edited} (amended):`);
      const { verdict, entries } = verifyJournal(bytes(lines));
      assert.equal(verdict.state, 'broken');
      assert.deepEqual(verdict.brokenAt && [verdict.brokenAt.line, verdict.brokenAt.seq, verdict.brokenAt.reason], [edited, edited, 'entry_hash_mismatch']);
      assert.equal(entries.length, edited - 1, 'the entries before the edit still verify');
      assert.match(verdict.statement, new RegExp(`broken at line ${edited}`));
    }
  });

  it('finds a removed, an inserted and a swapped line at the first entry that no longer follows', () => {
    const removed = chainOf(5);
    removed.splice(2, 1);
    assert.deepEqual(brokenAt(bytes(removed)), [3, 4, 'sequence_gap']);
    const renumbered = chainOf(5);
    renumbered.splice(2, 1);
    // Renumbering the later entries by hand hides the gap but not the link (nor their own hashes).
    renumbered[2] = (renumbered[2] ?? '').replace('"seq":4', '"seq":3');
    assert.deepEqual(brokenAt(bytes(renumbered)), [3, 3, 'prev_mismatch']);
    const swapped = chainOf(5);
    [swapped[1], swapped[2]] = [swapped[2] ?? '', swapped[1] ?? ''];
    assert.deepEqual(brokenAt(bytes(swapped)), [2, 3, 'sequence_gap']);
  });

  it('tells a last line cut short (a crash while writing) from tampering, and keeps the entries before it', () => {
    const lines = chainOf(4);
    const cut = Buffer.concat([bytes(lines.slice(0, 3)), Buffer.from((lines[3] ?? '').slice(0, 40))]);
    const { verdict, entries } = verifyJournal(cut);
    assert.equal(verdict.state, 'truncated');
    assert.deepEqual(verdict.brokenAt && [verdict.brokenAt.line, verdict.brokenAt.seq, verdict.brokenAt.reason], [4, 4, 'truncated_tail']);
    assert.equal(entries.length, 3);
    assert.match(verdict.statement, /cut short/);
    // A whole last entry without its newline is cut short too: the newline is what ends an entry.
    assert.equal(verifyJournal(bytes(lines, '')).verdict.state, 'truncated');
  });

  it('reports lines that are not JSON, not UTF-8, empty, or not entries, by line', () => {
    const lines = chainOf(3);
    assert.deepEqual(brokenAt(bytes([...lines.slice(0, 2), '{not json'])), [3, null, 'bad_json']);
    assert.deepEqual(brokenAt(bytes([lines[0] ?? '', '', lines[1] ?? ''])), [2, null, 'bad_json']);
    assert.deepEqual(brokenAt(Buffer.concat([bytes(lines.slice(0, 1)), Buffer.from([0x22, 0xff, 0x22, 0x0a])])), [2, null, 'bad_json']);
    assert.deepEqual(brokenAt(bytes([lines[0] ?? '', '{"v":1,"seq":2}'])), [2, 2, 'not_an_entry']);
  });

  it('refuses a correction of an entry that is no earlier note', () => {
    const lines = chainOf(3);
    const { verdict } = verifyJournal(bytes(lines));
    assert.equal(verdict.state, 'intact', 'entry 3 corrects note 1');
    // Written by the rule (hashes and links right) but pointing forward: only a hand-made journal does that.
    const forward = chainOf(2);
    const entry: UnhashedEntry = { ...(verifyJournal(bytes(forward)).entries[1] as UnhashedEntry), kind: 'deletion', refers: 7 };
    const rewritten = [forward[0] ?? '', entryLine(entry)];
    assert.deepEqual(brokenAt(bytes(rewritten)), [2, 2, 'bad_reference']);
  });

  it('sees entries cut from the end, or an end rewritten, against the head recorded beside the journal', () => {
    const lines = chainOf(5);
    const head = { seq: 5, hash: createHash('sha256').update(lines[4] ?? '').digest('hex') };
    assert.equal(verifyJournal(bytes(lines), head).verdict.state, 'intact');
    const cut = verifyJournal(bytes(lines.slice(0, 3)), head);
    assert.deepEqual(cut.verdict.brokenAt && [cut.verdict.brokenAt.line, cut.verdict.brokenAt.seq, cut.verdict.brokenAt.reason], [4, 4, 'missing_tail']);
    assert.equal(cut.entries.length, 3);
    // A head behind the file (a crash between the append and the head's update) still verifies.
    assert.equal(verifyJournal(bytes(lines), { seq: 3, hash: createHash('sha256').update(lines[2] ?? '').digest('hex') }).verdict.state, 'intact');
    const rewritten = verifyJournal(bytes(chainOf(5, 'Eve')), head);
    assert.equal(rewritten.verdict.brokenAt?.reason, 'head_mismatch');
    assert.equal(rewritten.verdict.brokenAt?.line, 5);
  });
});

function brokenAt(journal: Buffer): [number, number | null, string] | null {
  const { brokenAt: at } = verifyJournal(journal).verdict;
  return at === null ? null : [at.line, at.seq, at.reason];
}
