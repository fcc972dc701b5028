import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FAMILY_MODULES } from '../../../electron/families/family-registry';
import { lineToEvent } from '../../../electron/ingest/line-to-event';
import { PLAIN_EVENTS, wholeLineSearchText } from '../../../electron/ingest/whole-line-search-text';
import { renormalizeRaw } from '../../../electron/ingest/renormalize-raw';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';

/** Every line of every uncompressed file under a folder. */
function linesUnder(dir: string): { path: string; line: string }[] {
  const found: { path: string; line: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.gz')) continue;
    const path = join(entry.parentPath, entry.name);
    for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) if (line.trim() !== '') found.push({ path, line });
  }
  return found;
}

describe('wholeLineSearchText (the full-text pass\'s quick path) and the plain families', () => {
  it('gives exactly the search text the full path gives, for every line of the fixtures and the real producers it takes', () => {
    const fixtures = tempFolder('whole-line-search-text');
    writeFixtureFolder(fixtures, { seed: 5 });
    const taken = new Map<string, number>();
    const passed = new Map<string, number>();
    for (const { path, line } of [...linesUnder(fixtures), ...linesUnder(PRODUCER_SAMPLES)]) {
      const outcome = lineToEvent(line);
      if (outcome.type !== 'event') {
        assert.equal(wholeLineSearchText(line, 'generic'), null, `not an event, so no quick text: ${line.slice(0, 80)}`);
        continue;
      }
      const family = outcome.event.family;
      const quick = wholeLineSearchText(line, family);
      const count = quick === null ? passed : taken;
      count.set(family, (count.get(family) ?? 0) + 1);
      if (quick === null) continue;
      assert.equal(quick, renormalizeRaw(line, path, 0)?.searchText, `${path}: ${line.slice(0, 80)}`);
      if (PLAIN_EVENTS.families.includes(family)) {
        assert.deepEqual(FAMILY_MODULES[family].index.derivedRows(outcome.event), {}, 'a plain event has no derived rows for the rows pass to miss');
      }
    }
    for (const family of ['exec-event', 'cycle', 'stream', 'benson', 'record'] as const) {
      assert.ok((taken.get(family) ?? 0) > 0, `${family} lines take the quick path`);
      assert.equal(passed.get(family) ?? 0, 0, `every ${family} line takes it`);
    }
    assert.ok((passed.get('otlp') ?? 0) > 0, 'otlp lines are in the fixtures');
    assert.equal(taken.get('otlp') ?? 0, 0, 'an OTLP line is many events, each searched by its own part: never quick');
  });

  it('names as plain only the families whose events derive no rows', () => {
    assert.deepEqual([...PLAIN_EVENTS.families].sort(), ['cycle', 'exec-event', 'generic', 'stream']);
  });

  it('leaves to the full path a line read otherwise now: another family, NUL bytes, not an object', () => {
    const exec = JSON.stringify({ trace_id: 't-1', terminal: 'SUCCESS', timestamp: '2026-01-05T10:00:00Z', product: 'p', action_type: 'a' });
    const family = lineToEvent(exec).type === 'event' ? (lineToEvent(exec) as { event: { family: string } }).event.family : 'none';
    assert.equal(family, 'exec-event');
    assert.notEqual(wholeLineSearchText(exec, 'exec-event'), null);
    assert.equal(wholeLineSearchText(exec, 'cycle'), null, 'stored as another family: the full path decides');
    assert.equal(wholeLineSearchText(exec.replace('t-1', 't\u00001'), 'exec-event'), null);
    assert.equal(wholeLineSearchText('[1, 2]', 'generic'), null);
    assert.equal(wholeLineSearchText('plain text from a log', 'generic'), null);
  });

  it('reads a line nested too deep as the reader does: a generic event searched by its values', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200; i++) deep = { level: i, inner: deep };
    const line = JSON.stringify(deep);
    const outcome = lineToEvent(line);
    assert.equal(outcome.type === 'event' ? outcome.event.family : null, 'generic');
    assert.equal(wholeLineSearchText(line, 'generic'), renormalizeRaw(line, 'deep.jsonl', 0)?.searchText);
  });
});
