import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const rendererRoot = join(__dirname, '..', '..', '..', 'renderer');

/** Every renderer source file (the HTTP bridge included), with its text. */
function rendererSources(): { readonly path: string; readonly text: string }[] {
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|html|css)$/.test(entry.name)) files.push({ path: relative(rendererRoot, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(rendererRoot);
  return files;
}

describe('the renderer renders log content as text only', () => {
  const sources = rendererSources();

  it('never turns a string into HTML or code', () => {
    assert.ok(sources.length > 40);
    for (const { path, text } of sources) {
      for (const banned of ['dangerouslySetInnerHTML', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', 'DOMParser', 'srcdoc', 'new Function', 'eval(']) {
        assert.ok(!text.includes(banned), `${path} uses ${banned}`);
      }
    }
  });

  it('takes no href from data: links are in-app hashes, and the one download link is a Blob URL it made', () => {
    for (const { path, text } of sources) {
      for (const match of text.matchAll(/href=\{([^}]*)\}/g)) assert.match(match[1] ?? '', /^routeHash\(/, `${path}: href={${match[1]}} is not an in-app hash`);
      for (const match of text.matchAll(/href="([^"]*)"/g)) {
        if (path === 'index.html') continue;
        assert.match(match[1] ?? '', /^#/, `${path} links to ${match[1]}`);
      }
      for (const match of text.matchAll(/\.href = ([^;]+);/g)) assert.equal(`${path}: ${match[1]}`, 'state/download-file.ts: url', 'only the download of an export sets an href');
    }
    const download = sources.find((source) => source.path === 'state/download-file.ts')?.text ?? assert.fail('the download exists');
    assert.match(download, /const url = URL\.createObjectURL\(new Blob\(/);
    assert.match(download, /anchor\.download = filename/);
    // Reports, the executions list's OTLP export and the journal export go through it; nothing else downloads.
    const users = sources.filter((source) => source.text.includes('downloadFile(')).map((source) => source.path).sort();
    assert.deepEqual(users, ['state/download-file.ts', 'views/execution/report-export.tsx', 'views/executions/export-list-otlp.tsx', 'views/notes/journal-export.tsx']);
  });

  it('has no inline script or style that the CSP would have to allow', () => {
    const html = sources.find((source) => source.path === 'index.html')?.text ?? assert.fail('index.html exists');
    assert.doesNotMatch(html, /<style/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)/);
    assert.doesNotMatch(html, /\sstyle="/);
    assert.match(html, /script-src 'self'; style-src 'self'/);
    for (const { path, text } of sources) assert.ok(!/\bstyle="/.test(text), `${path} has a style attribute string`);
  });
});
