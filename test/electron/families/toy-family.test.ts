import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

/** The project's sources (not dist): this test type-checks them as `tsc` would, with edits made in memory only. */
const root = join(__dirname, '..', '..', '..', '..');

/** One source file replaced or added, by path from the project root. */
type Overlay = ReadonlyMap<string, string>;

const lastProgram = new Map<string, ts.Program>();

/** The two sides that know families: electron/ (with shared/) and the renderer. */
const SIDES = ['electron', 'renderer'] as const;

/**
 * Type-checks one side with the overlay applied, the way its tsconfig does but
 * straight from the sources, so an edit to shared/ is seen (project references
 * would read shared's built declarations instead). Returns each error as
 * `file: message`.
 */
function typeErrors(side: (typeof SIDES)[number], overlay: Overlay): string[] {
  const configPath = join(root, side, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)) });
  assert.ok(config !== undefined);
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, composite: false, incremental: false, declaration: false, rootDir: root, tsBuildInfoFile: undefined };
  const overlaid = new Map([...overlay].map(([path, text]) => [resolve(root, path), text]));
  const rootNames = [...config.fileNames, ...[...overlaid.keys()].filter((path) => path.startsWith(join(root, side)) && !config.fileNames.includes(path))];
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (path) => overlaid.get(resolve(path)) ?? readFile(path);
  host.fileExists = (path) => overlaid.has(resolve(path)) || fileExists(path);
  // Module resolution looks for the folder before the file: a new folder exists once a file in it does.
  const directoryExists = host.directoryExists?.bind(host) ?? ts.sys.directoryExists;
  host.directoryExists = (path) => [...overlaid.keys()].some((file) => file.startsWith(`${resolve(path)}/`)) || directoryExists(path);
  host.getSourceFile = (path, language, onError, fresh) => {
    const text = overlaid.get(resolve(path));
    return text === undefined ? getSourceFile(path, language, onError, fresh) : ts.createSourceFile(path, text, language, true);
  };
  // The side's previous program lends its unchanged files, so each check costs a type-check, not a parse.
  const program = ts.createProgram({ rootNames, options, host, oldProgram: lastProgram.get(side) });
  lastProgram.set(side, program);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file === undefined ? '(no file)' : relative(root, d.file.fileName);
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

/** shared/model/family.ts with `toy` added to both lists: the first line a new family writes. */
function withToyName(): [string, string] {
  const path = 'shared/model/family.ts';
  const text = readFileSync(join(root, path), 'utf8');
  const edited = text.replace("'record', 'otlp', 'generic'] as const", "'record', 'otlp', 'toy', 'generic'] as const").replace("'stream', 'record', 'otlp'] as const", "'stream', 'record', 'otlp', 'toy'] as const");
  assert.notEqual(edited, text, 'the family lists have moved: update this test');
  assert.equal(edited.split("'toy'").length - 1, 2, 'toy is added to FAMILIES and EXECUTION_FAMILIES');
  return [path, edited];
}

/** A whole toy family: one line per run, `toy_run` its execution. */
const TOY_MODULE = `import type { NormalizedEvent } from '../../../shared/model/normalized-event';
import type { StatusContribution } from '../../index/family-rules';
import { NO_CONTRACT_CHECKS, NO_SECTIONS, noLabel, PLAIN_INDEX_RULES, type FamilyModule } from '../family-module';
import { parseTimestamp } from '../reading/parse-timestamp';
import { hasField, readString } from '../reading/read-field';
import { eventWaterfall } from '../waterfall-bar';

const toyStatus = (event: NormalizedEvent): StatusContribution | null =>
  event.status === null ? null : { status: event.status, outcome: event.failed ? 'failed' : 'ok', rank: 2 };

export const toyFamily: FamilyModule<'toy'> = {
  family: 'toy',
  detectionRank: 45,
  detect: (obj) => hasField(obj, 'toy_run'),
  normalize(obj) {
    const time = parseTimestamp(obj['at']);
    return {
      family: 'toy', kind: readString(obj, 'what') ?? 'toy', executionKey: readString(obj, 'toy_run'), timestampMs: time.ms, status: readString(obj, 'state'),
      errorCode: null, actor: null, failed: obj['state'] === 'broken', problems: time.problem === null ? [] : [time.problem], facts: { family: 'toy' },
    };
  },
  label: noLabel,
  index: { ...PLAIN_INDEX_RULES, statusContribution: toyStatus },
  checks: NO_CONTRACT_CHECKS,
  sections: () => NO_SECTIONS,
  compare: null,
  waterfall: eventWaterfall,
};
`;

const TOY_SECTIONS = `import type { FamilyViewProps } from '../family-views';

export function ToySections({ detail }: FamilyViewProps) {
  return <section aria-label="Toy run">{detail.execution.key}</section>;
}
`;

/** The registry with its one new line. */
function withRegistryLine(): [string, string] {
  const path = 'electron/families/family-registry.ts';
  const text = readFileSync(join(root, path), 'utf8')
    .replace("import { streamFamily } from './stream/stream-family';", "import { streamFamily } from './stream/stream-family';\nimport { toyFamily } from './toy/toy-family';")
    .replace('  generic: genericFamily,\n};', '  generic: genericFamily,\n  toy: toyFamily,\n};');
  assert.ok(text.includes('toy: toyFamily'), 'the registry has moved: update this test');
  return [path, text];
}

/** The renderer's map with its one new line. */
function withViewLine(): [string, string] {
  const path = 'renderer/views/execution/family-views.tsx';
  const text = readFileSync(join(root, path), 'utf8')
    .replace("import { StreamSections } from './stream/stream-sections';", "import { StreamSections } from './stream/stream-sections';\nimport { ToySections } from './toy/toy-sections';")
    .replace(/\n};\s*$/, '\n  toy: { Sections: ToySections, HeaderBadge: null, listsOwnEvents: false, waterfallTitle: \'Waterfall of toy events\' },\n};\n');
  assert.ok(text.includes('toy: { Sections: ToySections'), 'the view map has moved: update this test');
  return [path, text];
}

describe('adding a family', () => {
  it('is refused by the compiler at the registry and the view map once only its name is added', () => {
    const name = new Map([withToyName()]);
    const electron = typeErrors('electron', name);
    assert.ok(electron.length > 0);
    assert.ok(electron.every((error) => error.startsWith('electron/families/family-registry.ts:')), electron.join('\n'));
    assert.ok(electron.some((error) => error.includes("'toy'")), electron.join('\n'));
    const renderer = typeErrors('renderer', name);
    assert.ok(renderer.length > 0);
    assert.ok(renderer.every((error) => error.startsWith('renderer/views/execution/family-views.tsx:')), renderer.join('\n'));
  });

  it('is refused while its module lacks a part', () => {
    const parts = ['checks', 'sections', 'waterfall', 'detectionRank', 'index', 'compare'] as const;
    // One module per missing part, each in a file of its own, checked in one program.
    const lacking = parts.map((part): [string, string] => {
      const text = TOY_MODULE.replace(new RegExp(`\\n {2}${part}: .*\\n`), '\n');
      assert.notEqual(text, TOY_MODULE, part);
      return [`electron/families/toy/toy-without-${part}.ts`, text];
    });
    const errors = typeErrors('electron', new Map([withToyName(), ...lacking]));
    for (const part of parts) {
      assert.ok(errors.some((error) => error.startsWith(`electron/families/toy/toy-without-${part}.ts:`) && error.includes(part)), `${part}: ${errors.join('\n')}`);
    }
  });

  it('compiles whole with one new folder per side, one registry line and one view line', () => {
    const whole = new Map([
      withToyName(),
      ['electron/families/toy/toy-family.ts', TOY_MODULE],
      withRegistryLine(),
      ['renderer/views/execution/toy/toy-sections.tsx', TOY_SECTIONS],
      withViewLine(),
    ]);
    for (const side of SIDES) assert.deepEqual(typeErrors(side, whole), [], side);
  });
});
