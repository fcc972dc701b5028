import { z } from 'zod';

/**
 * A value's issues against a family's zod schema, or null when it has none.
 *
 * Most lines of a real folder are valid, and zod's safeParse builds a copy of
 * every object it checks: about a third of a normalizer's time, and a good
 * share of the scan's garbage. So each schema is first compiled into a plain
 * check (closures over its definition, no generated code) that answers only
 * "certainly valid". Whatever it cannot vouch for goes to zod, whose issues
 * the shape problems are written from, so a problem's message never comes
 * from anything but zod.
 *
 * The check may say no where zod says yes (then zod is asked, and answers);
 * it must never say yes where zod says no. `schema-issues.test.ts` holds it
 * to that on every format schema, over every fixture and producer line and
 * their mutations, so a zod upgrade that changed a rule would fail there.
 */
export function shapeIssues(schema: z.ZodType, value: unknown): readonly z.core.$ZodIssue[] | null {
  if (quickCheckOf(schema)(value)) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues;
}

/** A check that says true only for a value its schema certainly accepts. */
export type QuickCheck = (value: unknown) => boolean;

const compiled = new WeakMap<z.ZodType, QuickCheck>();

/** The schema's quick check, compiled on first use. */
export function quickCheckOf(schema: z.ZodType): QuickCheck {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = compileQuickCheck(schema);
    compiled.set(schema, check);
  }
  return check;
}

/**
 * The parts of zod 4's internal schema definition (`_zod.def`) the check
 * reads. Anything else (a refinement, a transform, a type not listed below)
 * compiles to a check that always defers to zod.
 */
interface SchemaDef {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly shape?: Readonly<Record<string, SchemaLike>>;
  readonly catchall?: SchemaLike;
  readonly innerType?: SchemaLike;
  readonly element?: SchemaLike;
  readonly options?: readonly SchemaLike[];
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly values?: readonly unknown[];
}

interface CheckDef {
  readonly check: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly when?: unknown;
}

interface SchemaLike {
  readonly _zod: { readonly def: SchemaDef };
}

const DEFER: QuickCheck = () => false;

/**
 * zod's own `when` of a length check (run it only on a value that has a
 * length), which every string and array the checks meet has; any other
 * `when` is a condition of the schema's author, left to zod.
 */
const LENGTH_WHEN: unknown = (z.string().min(1)._zod.def.checks?.[0]?._zod.def as { when?: unknown } | undefined)?.when;

/** Compiles a schema's quick check; exported for the tests, which compare it with zod. */
export function compileQuickCheck(schema: z.ZodType): QuickCheck {
  return compile(schema as unknown as SchemaLike);
}

function compile(schema: SchemaLike): QuickCheck {
  const def = schema._zod.def;
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  switch (def.type) {
    case 'string':
      return withValueChecks((value) => typeof value === 'string', checks, (value) => (value as string).length);
    case 'number':
      // zod 4 takes finite numbers only (JSON holds no other).
      return withValueChecks((value) => typeof value === 'number' && Number.isFinite(value), checks, (value) => value as number);
    case 'boolean':
      return checks.length === 0 ? (value) => typeof value === 'boolean' : DEFER;
    case 'unknown':
    case 'any':
      // A key zod finds undefined (absent) fails even for unknown: only optional lets it be absent.
      return checks.length === 0 ? (value) => value !== undefined : DEFER;
    case 'enum': {
      if (checks.length > 0 || def.entries === undefined) return DEFER;
      const values = Object.values(def.entries);
      // A numeric enum's entries may hold its reverse mapping too: left to zod.
      if (!values.every((entry) => typeof entry === 'string')) return DEFER;
      const allowed = new Set(values);
      return (value) => typeof value === 'string' && allowed.has(value);
    }
    case 'literal': {
      if (checks.length > 0 || def.values === undefined) return DEFER;
      const allowed = def.values;
      return (value) => value !== undefined && allowed.includes(value);
    }
    case 'optional': {
      if (checks.length > 0 || def.innerType === undefined) return DEFER;
      const inner = compile(def.innerType);
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      if (checks.length > 0 || def.innerType === undefined) return DEFER;
      const inner = compile(def.innerType);
      // Undefined is left to zod: only an optional at the top may be absent.
      return (value) => value === null || (value !== undefined && inner(value));
    }
    case 'array':
      return compileArray(def, checks);
    case 'object':
      return compileObject(def, checks);
    case 'union': {
      if (checks.length > 0 || def.options === undefined) return DEFER;
      // A discriminated union is a union here: an option that takes the whole value holds the discriminator zod picks it by.
      return anyOf(def.options.map(compile));
    }
    default:
      return DEFER;
  }
}

/**
 * A string's or number's own type check and its length or bound checks, with
 * `measure` giving what min/max compare (a string's length, a number itself).
 */
function withValueChecks(isType: QuickCheck, checks: readonly CheckDef[], measure: (value: unknown) => number): QuickCheck {
  const bounds: ((value: unknown) => boolean)[] = [];
  for (const check of checks) {
    const bound = valueCheck(check, measure);
    if (bound === null) return DEFER;
    bounds.push(bound);
  }
  return allOf([isType, ...bounds]);
}

/** Passes when every check does, in order. A loop, not `every`: the checks run on every line, and a callback per call is garbage. */
function allOf(checks: readonly QuickCheck[]): QuickCheck {
  if (checks.length === 1) return checks[0] as QuickCheck;
  return (value) => {
    for (let index = 0; index < checks.length; index++) if (!(checks[index] as QuickCheck)(value)) return false;
    return true;
  };
}

/** Passes when any check does (allOf's counterpart, for a union's options). */
function anyOf(checks: readonly QuickCheck[]): QuickCheck {
  return (value) => {
    for (let index = 0; index < checks.length; index++) if ((checks[index] as QuickCheck)(value)) return true;
    return false;
  };
}

function valueCheck(check: CheckDef, measure: (value: unknown) => number): ((value: unknown) => boolean) | null {
  const ownWhen = check.when === undefined || ((check.check === 'min_length' || check.check === 'max_length') && check.when === LENGTH_WHEN);
  if (!ownWhen) return null;
  switch (check.check) {
    case 'min_length': {
      const minimum = check.minimum;
      return typeof minimum === 'number' ? (value) => measure(value) >= minimum : null;
    }
    case 'max_length': {
      const maximum = check.maximum;
      return typeof maximum === 'number' ? (value) => measure(value) <= maximum : null;
    }
    case 'greater_than': {
      const bound = check.value;
      if (typeof bound !== 'number') return null;
      return check.inclusive === true ? (value) => (value as number) >= bound : (value) => (value as number) > bound;
    }
    case 'less_than': {
      const bound = check.value;
      if (typeof bound !== 'number') return null;
      return check.inclusive === true ? (value) => (value as number) <= bound : (value) => (value as number) < bound;
    }
    case 'number_format':
      return check.format === 'safeint' ? (value) => Number.isSafeInteger(value) : null;
    default:
      return null;
  }
}

function compileArray(def: SchemaDef, checks: readonly CheckDef[]): QuickCheck {
  if (def.element === undefined) return DEFER;
  const element = compile(def.element);
  const bounds: ((value: unknown) => boolean)[] = [];
  for (const check of checks) {
    const bound = valueCheck(check, (value) => (value as unknown[]).length);
    if (bound === null || (check.check !== 'min_length' && check.check !== 'max_length')) return DEFER;
    bounds.push(bound);
  }
  const elements: QuickCheck = (value) => {
    for (const item of value as unknown[]) if (!element(item)) return false;
    return true;
  };
  return allOf([Array.isArray, ...bounds, elements]);
}

function compileObject(def: SchemaDef, checks: readonly CheckDef[]): QuickCheck {
  if (checks.length > 0 || def.shape === undefined) return DEFER;
  // Extra keys: dropped (no catchall) or kept as they are (unknown); any other catchall is left to zod.
  const catchall = def.catchall?._zod.def;
  if (catchall !== undefined && !((catchall.type === 'unknown' || catchall.type === 'any') && (catchall.checks ?? []).length === 0)) return DEFER;
  const fields = Object.entries(def.shape).map(([key, field]) => ({ key, check: compile(field) }));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const object = value as Record<string, unknown>;
    // Read as zod reads a field: by plain property access, inherited ones included.
    for (const field of fields) if (!field.check(object[field.key])) return false;
    return true;
  };
}
