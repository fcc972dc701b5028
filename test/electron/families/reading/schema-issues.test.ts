import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { compileQuickCheck, quickCheckOf, shapeIssues } from '../../../../electron/families/reading/schema-issues';
import * as benson from '../../../../shared/formats/benson';
import * as cycle from '../../../../shared/formats/cycle';
import * as execEvent from '../../../../shared/formats/exec-event';
import * as lineContinuation from '../../../../shared/formats/line-continuation';
import * as linePayload from '../../../../shared/formats/line-payload';
import * as otlp from '../../../../shared/formats/otlp';
import * as otlpSpanLabel from '../../../../shared/formats/otlp-span-label';
import * as record from '../../../../shared/formats/record';
import * as recordStepBody from '../../../../shared/formats/record-step-body';
import * as stream from '../../../../shared/formats/stream';
import * as textLine from '../../../../shared/formats/text-line';
import { writeFixtureFolder } from '../../../fixtures/fixture-folder';
import { PRODUCER_SAMPLES } from '../../../support/producer-samples';
import { tempFolder } from '../../../support/temp-folder';

/** Every zod schema the formats export, by module and name. */
function formatSchemas(): [string, z.ZodType][] {
  const modules = { benson, cycle, execEvent, lineContinuation, linePayload, otlp, otlpSpanLabel, record, recordStepBody, stream, textLine };
  const found: [string, z.ZodType][] = [];
  for (const [module, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) if (value instanceof z.ZodType) found.push([`${module}.${name}`, value]);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every JSON object line of the fixture folder (all families and the nasty cases) and of the real producers' files. */
function jsonLines(): unknown[] {
  const fixtures = tempFolder('schema-issues');
  writeFixtureFolder(fixtures, { seed: 16 });
  const values: unknown[] = [];
  for (const file of [...filesUnder(fixtures), ...filesUnder(PRODUCER_SAMPLES)]) {
    if (file.endsWith('.gz')) continue;
    const text = readFileSync(file, 'utf8');
    // A .json document whole, and each line of anything else.
    for (const line of file.endsWith('.json') ? [text] : text.split('\n')) {
      try {
        const value: unknown = JSON.parse(line);
        if (typeof value === 'object' && value !== null) values.push(value);
      } catch {
        // Not JSON: nothing a schema reads.
      }
    }
  }
  return values;
}

/** The value and every value nested in it, to depth 6: the schemas of nested parts (a record's step, Benson's data) meet them there. */
function withNested(value: unknown, into: unknown[], depth = 0): void {
  into.push(value);
  if (depth >= 6 || typeof value !== 'object' || value === null) return;
  for (const inner of Array.isArray(value) ? value : Object.values(value)) withNested(inner, into, depth + 1);
}

const REPLACEMENTS: readonly unknown[] = [null, 0, -1, 1, 0.5, 2 ** 53, -(2 ** 53), '', 'x', 'success', true, false, [], [null], ['x'], {}, { x: 1 }];

/** Copies of an object with one field (to depth 3) replaced by each replacement, removed, or renamed; at most `limit`. */
function mutations(value: unknown, limit: number): unknown[] {
  const out: unknown[] = [];
  const visit = (node: unknown, replace: (next: unknown) => unknown, depth: number): void => {
    if (out.length >= limit || typeof node !== 'object' || node === null || depth > 3) return;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((item, index) => [index, item]) : Object.entries(node);
    for (const [key, inner] of entries) {
      const at = (next: unknown | typeof REMOVED): unknown => {
        if (Array.isArray(node)) return replace(next === REMOVED ? node.filter((_, index) => index !== key) : node.map((item, index) => (index === key ? next : item)));
        const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
        if (next === REMOVED) delete copy[key as string];
        else copy[key as string] = next;
        return replace(copy);
      };
      for (const next of [...REPLACEMENTS, REMOVED]) out.push(at(next));
      visit(inner, at, depth + 1);
    }
    if (!Array.isArray(node)) out.push(replace({ ...(node as Record<string, unknown>), extra_field: 'x', constructor: 1 }));
  };
  visit(value, (next) => next, 0);
  return out.slice(0, limit);
}

const REMOVED = Symbol('removed');

describe('shapeIssues: a quick check compiled from each format schema, zod asked only when it cannot vouch', () => {
  const schemas = formatSchemas();
  const lines = jsonLines();

  it('finds the formats’ schemas and lines of every kind to try them on', () => {
    assert.ok(schemas.length >= 20, `${schemas.length} schemas`);
    assert.ok(lines.length > 300, `${lines.length} lines`);
  });

  it('never vouches for a value zod rejects, over every line, its nested values and their mutations', () => {
    const values: unknown[] = [];
    for (const line of lines) withNested(line, values);
    for (const line of lines) values.push(...mutations(line, 400));
    let vouched = 0;
    let accepted = 0;
    for (const [name, schema] of schemas) {
      const quick = compileQuickCheck(schema);
      for (const value of values) {
        const valid = schema.safeParse(value).success;
        const said = quick(value);
        if (said && !valid) assert.fail(`${name}: the quick check vouched for ${JSON.stringify(value).slice(0, 300)}, which zod rejects`);
        if (valid) accepted++;
        if (said) vouched++;
      }
    }
    // It must also be quick in fact: nearly every value zod accepts is vouched for without zod.
    assert.ok(accepted > 10_000, `${accepted} accepted values`);
    assert.ok(vouched / accepted > 0.99, `vouched for ${vouched} of ${accepted}`);
  });

  it('vouches for every fixture and producer line its family’s schema accepts', () => {
    for (const [name, schema] of schemas) {
      const quick = quickCheckOf(schema);
      for (const line of lines) {
        if (schema.safeParse(line).success) assert.equal(quick(line), true, `${name} left to zod: ${JSON.stringify(line).slice(0, 300)}`);
      }
    }
  });

  it('returns zod’s own issues for a value it cannot vouch for, and null for a valid one', () => {
    const schema = execEvent.execEventSchema;
    const bad = { action_type: 'a', adapter: 1, status: 'success', product: 'p', timestamp: '2026-01-01T00:00:00Z' };
    const issues = shapeIssues(schema, bad);
    assert.deepEqual(issues, schema.safeParse(bad).error?.issues);
    assert.equal(issues?.[0]?.path.join('.'), 'adapter');
    assert.equal(shapeIssues(schema, { ...bad, adapter: 'x' }), null);
  });

  it('follows zod where its rules are easy to get wrong', () => {
    const cases: [z.ZodType, unknown][] = [
      // An absent key fails even an unknown field; an optional one may be absent.
      [z.looseObject({ a: z.unknown() }), {}],
      [z.looseObject({ a: z.string().optional() }), {}],
      [z.looseObject({ a: z.string().nullable() }), {}],
      [z.looseObject({ a: z.string().nullish() }), { a: null }],
      // Fields are read as zod reads them: inherited ones too.
      [z.looseObject({ constructor: z.unknown() }), {}],
      [z.looseObject({ toString: z.string().optional() }), {}],
      [z.looseObject({ a: z.string() }), JSON.parse('{"__proto__":{"a":"x"}}')],
      [z.looseObject({}), []],
      [z.object({ a: z.string() }), { a: 'x', b: 1 }],
      [z.number().int(), 2 ** 53],
      [z.number().int(), 2 ** 53 - 1],
      [z.number().int(), 1.5],
      [z.number().min(1), 1],
      [z.number().min(1), 0.99],
      [z.string().min(1), ''],
      [z.string().min(1), 'x'],
      [z.string().max(2), 'xyz'],
      [z.array(z.string()).min(1), []],
      [z.enum(['a', 'b']), 'toString'],
      // A numeric enum: its values, never its names.
      [z.enum({ A: 1, B: 2 }), 1],
      [z.enum({ A: 1, B: 2 }), 'A'],
      [z.literal('a'), 'a'],
      [z.union([z.string(), z.number()]), true],
      [z.discriminatedUnion('k', [z.looseObject({ k: z.literal('a'), x: z.string() }), z.looseObject({ k: z.literal('b') })]), { k: 'a' }],
      [z.discriminatedUnion('k', [z.looseObject({ k: z.literal('a'), x: z.string() }), z.looseObject({ k: z.literal('b') })]), { k: 'b' }],
      // A refinement is zod's alone.
      [z.string().refine((value) => value.length > 2), 'abc'],
    ];
    for (const [schema, value] of cases) {
      const valid = schema.safeParse(value).success;
      const said = compileQuickCheck(schema)(value);
      assert.ok(!said || valid, `vouched for ${JSON.stringify(value)}`);
      assert.equal(shapeIssues(schema, value) === null, valid, `issues of ${JSON.stringify(value)}`);
    }
  });
});
