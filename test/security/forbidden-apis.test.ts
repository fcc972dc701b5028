import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..', '..');

/** What the inspector's own code may never contain: it cannot run anything, and log content is never HTML. */
const FORBIDDEN: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'child_process', pattern: /child_process/ },
  { name: 'shell.openExternal', pattern: /\bopenExternal\b/ },
  { name: 'shell.openPath', pattern: /\bopenPath\b/ },
  { name: 'eval', pattern: /(^|[^.\w])eval\s*\(/ },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/ },
  { name: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
  { name: 'innerHTML', pattern: /\.(inner|outer)HTML\s*=/ },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...sourceFiles(abs));
    } else if (/\.(ts|tsx|js|mjs|cjs|html)$/.test(entry.name)) {
      out.push(abs);
    }
  }
  return out;
}

describe('the inspector cannot run anything', () => {
  it('has no child_process, shell.openExternal/openPath, eval, new Function or raw HTML injection under electron/, renderer/ or shared/', () => {
    const files = ['electron', 'renderer', 'shared'].flatMap((dir) => sourceFiles(join(root, dir)));
    assert.ok(files.length > 50, 'the scan saw the sources');
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => FORBIDDEN.filter((f) => f.pattern.test(line)).map((f) => `${relative(root, file)}:${i + 1} ${f.name}`)),
    );
    assert.deepEqual(hits, []);
  });

  it('would notice each forbidden use (the patterns are live)', () => {
    const samples = ["import { exec } from 'child_process';", 'shell.openExternal(url)', 'shell.openPath(p)', 'eval("x")', 'new Function("return 1")', '<div dangerouslySetInnerHTML={x} />', 'el.innerHTML = s'];
    for (const [i, sample] of samples.entries()) assert.ok(FORBIDDEN[i]!.pattern.test(sample), sample);
    assert.ok(!FORBIDDEN[3]!.pattern.test('retrieval(x)'), 'eval inside another word is not eval');
  });
});
