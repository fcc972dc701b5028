import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as EnrichmentLabel from '../../../renderer/format/enrichment-label';
import { loadRendererModule } from '../load-renderer-module';

const { enrichmentLabel, enrichmentPercent, partialSearchNote } = loadRendererModule<typeof EnrichmentLabel>('format/enrichment-label');

describe('the enrichment as the top bar and a search say it', () => {
  it('names the time left to search, in seconds or minutes, and the checks after it', () => {
    assert.equal(enrichmentLabel({ stage: 'events', done: 2000, total: 10_000, etaMs: 19_200 }), 'Search ready in ~20 s');
    assert.equal(enrichmentLabel({ stage: 'events', done: 2000, total: 1_000_000, etaMs: 400_000 }), 'Search ready in ~7 min');
    assert.equal(enrichmentLabel({ stage: 'events', done: 0, total: 10_000, etaMs: null }), 'Preparing search…');
    assert.equal(enrichmentLabel({ stage: 'checks', done: 30, total: 30, etaMs: null }), 'Checking executions…');
    assert.equal(enrichmentPercent({ stage: 'events', done: 2500, total: 10_000, etaMs: 1000 }), 25);
    assert.equal(enrichmentPercent({ stage: 'checks', done: 30, total: 30, etaMs: null }), null);
    assert.equal(enrichmentLabel({ stage: 'merge', done: 3, total: 3, etaMs: null }), 'Compacting the search index…');
    assert.equal(enrichmentPercent({ stage: 'merge', done: 3, total: 3, etaMs: null }), null);
  });

  it('warns a search that its results may be missing while full text is still being added, and only then', () => {
    const note = partialSearchNote({ stage: 'events', done: 4000, total: 10_000, etaMs: 6_000 }, false);
    assert.match(note ?? '', /covers only part of the folder so far \(40% of the events\)/);
    assert.match(note ?? '', /a missing match may still appear/);
    assert.match(note ?? '', /about 6 s/);
    assert.equal(partialSearchNote({ stage: 'checks', done: 10, total: 10, etaMs: null }, false), null, 'the checks do not change what a search finds');
    assert.equal(partialSearchNote({ stage: 'merge', done: 2, total: 2, etaMs: null }, false), null, 'nor does merging the search index');
    assert.equal(partialSearchNote(null, false), null);
  });

  it('warns a search while the folder is still read, before the enrichment has begun', () => {
    assert.match(partialSearchNote(null, true) ?? '', /the folder is still being read, .*a missing match may still appear/);
    assert.match(partialSearchNote({ stage: 'events', done: 0, total: 10, etaMs: null }, true) ?? '', /still being read/);
  });
});
