import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as Groups from '../../../renderer/format/side-effect-groups';
import { loadRendererModule } from '../load-renderer-module';

const { sideEffectGroups } = loadRendererModule<typeof Groups>('format/side-effect-groups');

const effect = (stepIndex: number | null, category: string, description: string, reversible: boolean | null) => ({ stepIndex, category, description, reversible, details: {} });

describe('side effects by category', () => {
  it('flags undeclared, unobserved and irreversible effects within their category, by step', () => {
    const drop = effect(1, 'DATA_MUTATION', 'DROP TABLE customers', false);
    const grant = effect(1, 'CONFIGURATION', 'GRANT ALL', true);
    const insert = effect(3, 'DATA_MUTATION', 'INSERT INTO customers_v2', true);
    const groups = sideEffectGroups({
      declared: [drop, insert],
      observed: [drop, grant],
      matched: [{ declared: drop, observed: drop, rule: 'exact' }],
      undeclared: [grant],
      unobserved: [insert],
      irreversible: [drop],
      observedReported: true,
      byCategory: { CONFIGURATION: { declared: 0, observed: 1 }, DATA_MUTATION: { declared: 2, observed: 1 } },
    });
    assert.deepEqual(
      groups.map((group) => [group.category, group.declared, group.observed, group.entries.map((entry) => `${entry.effect.description}:${entry.status}${entry.irreversible ? ':irreversible' : ''}`)]),
      [
        ['CONFIGURATION', 0, 1, ['GRANT ALL:undeclared']],
        ['DATA_MUTATION', 2, 1, ['DROP TABLE customers:matched:irreversible', 'INSERT INTO customers_v2:unobserved']],
      ],
    );
  });
});
