import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as ProblemSteps from '../../../renderer/format/problem-steps';
import { loadRendererModule } from '../load-renderer-module';

const { NEW_SEARCH, problemRoute, searchProblemPage } = loadRendererModule<typeof ProblemSteps>('format/problem-steps');

const row = (id: number, eventId: number | null): ProblemSteps.ProblemRow => ({ id, code: 'line.invalid_json', message: 'm', path: 'a.jsonl', line: id, executionId: null, eventId });

/** Reads pages into a search until it is done or the pages run out, as the stepper does. */
function search(pages: readonly (readonly ProblemSteps.ProblemRow[])[], place: ProblemSteps.ProblemPlace, direction: ProblemSteps.StepDirection): { found: number | null; pagesRead: number } {
  let state = NEW_SEARCH;
  let pagesRead = 0;
  for (const page of pages) {
    if (state.done) break;
    state = searchProblemPage(state, page, place, direction);
    pagesRead += 1;
  }
  return { found: state.found?.id ?? null, pagesRead };
}

const PAGES = [[row(1, 10), row(2, null), row(4, 30)], [row(5, 20), row(7, null)], [row(9, 40)]];

describe('stepping through problems', () => {
  it('goes to the problem after or before a problem in list order, reading only as far as needed', () => {
    assert.deepEqual(search(PAGES, { problemIds: [2] }, 'next'), { found: 4, pagesRead: 1 });
    assert.deepEqual(search(PAGES, { problemIds: [4] }, 'next'), { found: 5, pagesRead: 2 });
    assert.deepEqual(search(PAGES, { problemIds: [5] }, 'previous'), { found: 4, pagesRead: 2 });
    assert.deepEqual(search(PAGES, { problemIds: [1] }, 'previous'), { found: null, pagesRead: 1 });
    assert.deepEqual(search(PAGES, { problemIds: [9] }, 'next'), { found: null, pagesRead: 3 });
  });

  it('steps past every problem of an event that has several', () => {
    assert.equal(search(PAGES, { problemIds: [4, 5] }, 'next').found, 7);
    assert.equal(search(PAGES, { problemIds: [4, 5] }, 'previous').found, 2);
  });

  it('starts at the first or the last problem from nowhere in particular', () => {
    assert.equal(search(PAGES, { problemIds: [0] }, 'next').found, 1);
    assert.equal(search(PAGES, { problemIds: [Number.MAX_SAFE_INTEGER] }, 'previous').found, 9);
  });

  it('from an event without problems, goes to the problem about the nearest event after or before it, reading every page', () => {
    assert.deepEqual(search(PAGES, { eventId: 15 }, 'next'), { found: 5, pagesRead: 3 });
    assert.deepEqual(search(PAGES, { eventId: 25 }, 'previous'), { found: 5, pagesRead: 3 });
    assert.equal(search(PAGES, { eventId: 35 }, 'next').found, 9);
    assert.equal(search(PAGES, { eventId: 5 }, 'previous').found, null);
    assert.equal(search(PAGES, { eventId: 45 }, 'next').found, null);
  });

  it('opens a problem where it is seen: its event among its neighbours, or a line that is no event as bytes', () => {
    assert.deepEqual(problemRoute({ id: 4, eventId: 30 }), { view: 'events', eventId: 30, anchor: 30 });
    assert.deepEqual(problemRoute({ id: 2, eventId: null }), { view: 'problem', problemId: 2 });
  });
});
