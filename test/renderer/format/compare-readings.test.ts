import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as ReadingsModule from '../../../renderer/format/compare-readings';
import { loadRendererModule } from '../load-renderer-module';

const { compareReadings } = loadRendererModule<typeof ReadingsModule>('format/compare-readings');

// Segments as parseRoute hands them over: the address after `#/compare/`, split at `/`, each decoded.
const read = (address: string) => compareReadings(address.split('/').map(decodeURIComponent));

describe('reading the executions a compare address names', () => {
  it('reads the app own links (ids with "/" encoded) exactly as written', () => {
    assert.deepEqual(read('record:a/record:b'), [{ a: 'record:a', b: 'record:b' }]);
    assert.deepEqual(read('record:a/cycle:2026-03-02T09-20-00Z%2Fmigrate%20customers'), [{ a: 'record:a', b: 'cycle:2026-03-02T09-20-00Z/migrate customers' }]);
    assert.deepEqual(read('cycle:2026-03-02T09-20-00Z%2Fmigrate'), [{ a: 'cycle:2026-03-02T09-20-00Z/migrate', b: null }]);
    assert.deepEqual(read('record:a/'), [{ a: 'record:a', b: null }]);
  });

  it('finds two ids in an address typed with a cycle run id "/" as is, on either side or both', () => {
    assert.deepEqual(read('cycle:2026-03-02T09-20-00Z/migrate/record:b'), [{ a: 'cycle:2026-03-02T09-20-00Z/migrate', b: 'record:b' }]);
    assert.deepEqual(read('record:a/cycle:2026-03-02T09-20-00Z/migrate'), [{ a: 'record:a', b: 'cycle:2026-03-02T09-20-00Z/migrate' }]);
    assert.deepEqual(read('cycle:2026-03-01T09-20-00Z/migrate/cycle:2026-03-02T09-20-00Z/migrate'), [
      { a: 'cycle:2026-03-01T09-20-00Z/migrate', b: 'cycle:2026-03-02T09-20-00Z/migrate' },
    ]);
    // An exec-event group of untraced events has a "/" in its key too.
    assert.deepEqual(read('exec-event:untraced/billing/exec-event:tr-1'), [{ a: 'exec-event:untraced/billing', b: 'exec-event:tr-1' }]);
  });

  it('reads one id typed with its "/" as is as the picker for it, with or without a trailing "/"', () => {
    assert.deepEqual(read('cycle:2026-03-02T09-20-00Z/migrate'), [{ a: 'cycle:2026-03-02T09-20-00Z/migrate', b: null }]);
    assert.deepEqual(read('cycle:2026-03-02T09-20-00Z/migrate/'), [{ a: 'cycle:2026-03-02T09-20-00Z/migrate', b: null }]);
  });

  it('lists every reading, in order, when a key itself holds "/<family>:"', () => {
    assert.deepEqual(read('cycle:2026-03-02T09-20-00Z/record:x/record:y'), [
      { a: 'cycle:2026-03-02T09-20-00Z', b: 'record:x/record:y' },
      { a: 'cycle:2026-03-02T09-20-00Z/record:x', b: 'record:y' },
    ]);
  });

  it('reads nothing where no split names executions of a known family', () => {
    assert.deepEqual(read('a/b/c'), []);
    assert.deepEqual(read('nofamily:x/y/z'), []);
    assert.deepEqual(compareReadings([]), []);
  });
});
