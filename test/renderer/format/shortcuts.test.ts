import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as Shortcuts from '../../../renderer/format/shortcuts';
import type * as RouteModule from '../../../renderer/format/route';
import { loadRendererModule } from '../load-renderer-module';

const { SHORTCUTS, SHORTCUT_SCOPES, isTypingTarget, shortcutAction, shortcutScopeOf } = loadRendererModule<typeof Shortcuts>('format/shortcuts');
const { parseRoute } = loadRendererModule<typeof RouteModule>('format/route');

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}): Shortcuts.KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

describe('keyboard shortcuts', () => {
  it('opens the sheet with ? and the time range with t on every view', () => {
    for (const scope of [null, 'everywhere', 'lists', 'executions', 'execution', 'compare', 'events', 'problems'] as const) {
      assert.equal(shortcutAction(press('?'), scope), 'show-shortcuts');
      assert.equal(shortcutAction(press('t'), scope), 'time-range');
    }
  });

  it('steps through events with j/k and through problems with n/p in the Events view', () => {
    assert.equal(shortcutAction(press('j'), 'events'), 'next-row');
    assert.equal(shortcutAction(press('k'), 'events'), 'previous-row');
    assert.equal(shortcutAction(press('n'), 'events'), 'next-problem');
    assert.equal(shortcutAction(press('p'), 'events'), 'previous-problem');
  });

  it('steps through problems with j/k and n/p where the rows are problems', () => {
    assert.equal(shortcutAction(press('j'), 'problems'), 'next-problem');
    assert.equal(shortcutAction(press('n'), 'problems'), 'next-problem');
    assert.equal(shortcutAction(press('k'), 'problems'), 'previous-problem');
    assert.equal(shortcutAction(press('p'), 'problems'), 'previous-problem');
  });

  it('gives letters no page-wide meaning elsewhere, and leaves keys with Ctrl, Cmd or Alt to the browser', () => {
    assert.equal(shortcutAction(press('j'), 'lists'), null, 'a focused list handles its own j/k');
    assert.equal(shortcutAction(press('j'), 'execution'), null);
    assert.equal(shortcutAction(press('n'), 'compare'), null, 'the aligned steps handle their own n/p');
    assert.equal(shortcutAction(press('c'), 'executions'), null, 'the executions list handles its own c');
    assert.equal(shortcutAction(press('n'), 'everywhere'), null);
    assert.equal(shortcutAction(press('x'), 'events'), null);
    assert.equal(shortcutAction(press('J'), 'events'), null, 'Shift+J is not j');
    assert.equal(shortcutAction(press('j', { ctrlKey: true }), 'events'), null);
    assert.equal(shortcutAction(press('t', { metaKey: true }), null), null);
    assert.equal(shortcutAction(press('?', { altKey: true }), null), null);
  });

  it('never acts while the focus is in something that takes text', () => {
    assert.ok(isTypingTarget({ tagName: 'INPUT', type: 'text' }));
    assert.ok(isTypingTarget({ tagName: 'input' }), 'an input without a type is a text field');
    assert.ok(isTypingTarget({ tagName: 'INPUT', type: 'search' }));
    assert.ok(isTypingTarget({ tagName: 'TEXTAREA' }));
    assert.ok(isTypingTarget({ tagName: 'SELECT' }));
    assert.ok(isTypingTarget({ tagName: 'DIV', isContentEditable: true }));
    assert.ok(!isTypingTarget({ tagName: 'INPUT', type: 'checkbox' }));
    assert.ok(!isTypingTarget({ tagName: 'BUTTON' }));
    assert.ok(!isTypingTarget({ tagName: 'DIV', isContentEditable: false }));
    assert.ok(!isTypingTarget(null));
  });

  it('lists every action on the sheet, each key once per group, in a group the sheet shows', () => {
    const scopes = new Set(SHORTCUT_SCOPES.map((group) => group.scope));
    for (const shortcut of SHORTCUTS) assert.ok(scopes.has(shortcut.scope), shortcut.description);
    for (const action of ['show-shortcuts', 'time-range', 'next-row', 'previous-row', 'next-problem', 'previous-problem'] as const) {
      assert.ok(SHORTCUTS.some((shortcut) => shortcut.action === action), action);
    }
    for (const group of SHORTCUT_SCOPES) {
      const keys = SHORTCUTS.filter((shortcut) => shortcut.scope === group.scope && shortcut.action !== null).flatMap((shortcut) => shortcut.keys);
      assert.equal(new Set(keys).size, keys.length, `no key means two things in ${group.scope}`);
    }
  });

  it('names the group of each view', () => {
    assert.equal(shortcutScopeOf(parseRoute('#/events/7?anchor=7')), 'events');
    assert.equal(shortcutScopeOf(parseRoute('#/problems')), 'problems');
    assert.equal(shortcutScopeOf(parseRoute('#/problems/3')), 'problems');
    assert.equal(shortcutScopeOf(parseRoute('#/executions/record:exec-1')), 'execution');
    assert.equal(shortcutScopeOf(parseRoute('#/executions?family=record')), 'executions');
    assert.equal(shortcutScopeOf(parseRoute('#/compare/record:a/record:b')), 'compare');
    assert.equal(shortcutScopeOf(parseRoute('#/')), 'everywhere');
    assert.equal(shortcutScopeOf(parseRoute('#/nowhere')), 'everywhere');
  });
});
