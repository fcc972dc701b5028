import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { otlpFilename, reportFilename } from '../../../electron/inspect/incident-report';
import { escapeHtml } from '../../../electron/inspect/render-report-html';
import { escapeMarkdown, fencedBlock } from '../../../electron/inspect/render-report-markdown';
import type { ApiResponse } from '../../../shared/api/contract';
import { EXECUTION_FAMILIES } from '../../../shared/model/family';
import { writeDemoFolder } from '../../fixtures/demo-folder';
import { FixtureClock } from '../../fixtures/fixture-clock';
import { FixtureLedger } from '../../fixtures/fixture-manifest';
import { FixtureWriter } from '../../fixtures/fixture-writer';
import { SeededRandom } from '../../fixtures/seeded-random';
import { RECORD_PATHS, recordRun, writeRecordRun, type RecordRunSpec } from '../../fixtures/write-records';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';
import { openInspection } from './open-inspection';

const SCRIPT = '<script>alert(1)</script>';
const JS_URL = 'javascript:alert(document.cookie)';
const WEB_URL = 'https://evil.example.com/x?y=1&z=2';

/** A LIVE record whose every log-derived text tries to become markup, a link or a table cell break. */
const HOSTILE: RecordRunSpec = {
  executionId: 'exec-xss/1',
  planId: 'plan-xss',
  liveMode: 'LIVE',
  steps: [
    {
      name: 'Fetch <img src=x onerror=alert(2)> "quoted" \'single\'',
      outcome: 'COMPLETED',
      sideEffects: [{ category: 'NETWORK', description: `POST ${WEB_URL} | piped \`tick\` *bold*`, reversible: true, details: { url: JS_URL } }],
    },
    { name: 'Drop', outcome: 'FAILED', sideEffects: [{ category: 'DATA_MUTATION', description: SCRIPT, reversible: false }], errorMessage: `${SCRIPT} see ${JS_URL}` },
  ],
  status: 'COMPLETED_PARTIAL',
  reason: SCRIPT,
  pre: { security_state: 'NORMAL', note: SCRIPT },
  post: { security_state: 'ELEVATED', note: `<iframe src="${JS_URL}">` },
  hints: [
    { step_index: 1, description: `Undo ${SCRIPT}`, actions: [SCRIPT, `open ${JS_URL}`, `curl ${WEB_URL}`, 'echo ```fenced``` done'], risks: ['"\'<>&'] },
    { step_index: 0, description: 'Nothing to undo for <b>fetch</b>', actions: [`visit [here](${JS_URL})`], risks: [] },
  ],
};

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'section', 'h1', 'h2', 'h3', 'p', 'code', 'pre', 'strong', 'span', 'div',
  'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'ol', 'li',
]);

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('exportReport of a record whose logs carry markup and URLs', () => {
  const folder = tempFolder('report-hostile');
  const writer = new FixtureWriter(folder, new FixtureLedger());
  writeRecordRun(writer, recordRun(new SeededRandom(5), new FixtureClock(Date.parse('2026-03-02T10:00:00Z')), HOSTILE), 'stream+document+plan');
  const opened = openInspection(folder, { now: () => new Date('2026-03-03T12:00:00.000Z') });
  const id = 'record:exec-xss/1';

  it('writes one self-contained HTML file in which every piece of evidence is text', async () => {
    const report = await (await opened).call('exportReport', { id, format: 'html' });
    assert.equal(report.filename, 'incident-record-exec-xss_1.html');
    assert.equal(report.mediaType, 'text/html');
    const page = report.content;
    assert.match(page, /^<!DOCTYPE html>/);
    assert.doesNotMatch(page, /<script/i);
    assert.doesNotMatch(page, /<(a|img|iframe|link|object|embed|base|form)\b/i);
    const tags = [...page.matchAll(/<\/?([A-Za-z][A-Za-z0-9]*)/g)].map((match) => (match[1] ?? '').toLowerCase());
    assert.deepEqual([...new Set(tags)].filter((tag) => !ALLOWED_TAGS.has(tag)), []);
    for (const tag of page.match(/<[^>]*>/g) ?? []) {
      assert.doesNotMatch(tag, /\b(href|src|on[a-z]+|action|formaction)\s*=/i, tag);
      assert.doesNotMatch(tag, /javascript:|https?:|url\(/i, tag);
    }
    assert.doesNotMatch(page, /url\(|@import/i, 'no external resources in the CSS');
    assert.equal((page.match(/<style>/g) ?? []).length, 1);
    assert.ok(page.includes(escapeHtml(SCRIPT)), 'the script tag is shown as text');
    assert.ok(page.includes(`<pre>${escapeHtml(SCRIPT)}</pre>`), 'a hint action verbatim, escaped');
    assert.ok(page.includes(`<pre>open ${JS_URL}</pre>`), 'a javascript: URL is plain text');
    assert.ok(page.includes(`curl https://evil.example.com/x?y=1&amp;z=2`), 'a web URL is plain text');
    assert.ok(page.includes('&quot;&#39;&lt;&gt;&amp;'), 'quotes and angle brackets are escaped');
    assert.ok(page.includes('Fetch &lt;img src=x onerror=alert(2)&gt; &quot;quoted&quot; &#39;single&#39;'));
    // Snapshot fields are shown as JSON, so the inner quotes are JSON-escaped before HTML escaping.
    assert.ok(page.includes('&lt;iframe src=\\&quot;javascript:alert(document.cookie)\\&quot;&gt;'));
  });

  it('writes Markdown where evidence cannot break a table, start markup or become a link', async () => {
    const report = await (await opened).call('exportReport', { id, format: 'md' });
    assert.equal(report.filename, 'incident-record-exec-xss_1.md');
    assert.equal(report.mediaType, 'text/markdown');
    const fences: string[] = [];
    const prose = report.content.replace(/^(`{3,})\n([\s\S]*?)\n\1$/gm, (_, _fence: string, body: string) => {
      fences.push(body);
      return '';
    });
    for (const action of HOSTILE.hints.flatMap((hint) => hint.actions)) assert.ok(fences.includes(action), `hint action verbatim: ${action}`);
    assert.doesNotMatch(prose, /(^|[^\\])</m, 'every < outside code blocks is escaped');
    assert.doesNotMatch(prose, /https?:\/\//, 'no bare URL GFM would link');
    assert.ok(prose.includes(escapeMarkdown(`POST ${WEB_URL} | piped \`tick\` *bold*`)));
    assert.ok(prose.includes('\\| piped \\`tick\\` \\*bold\\*'));
    // Every row of a table has as many unescaped pipes as its header: no cell text split a row.
    let columns: number | null = null;
    for (const line of prose.split('\n')) {
      if (!line.startsWith('|')) {
        columns = null;
        continue;
      }
      const pipes = line.split('').filter((char, i) => char === '|' && line[i - 1] !== '\\').length;
      columns ??= pipes;
      assert.equal(pipes, columns, line);
    }
  });

  it('exports the report model as JSON with hashes of every cited file and the inspector version', async () => {
    const inspection = await opened;
    const report = await inspection.call('exportReport', { id, format: 'json' });
    assert.equal(report.filename, 'incident-record-exec-xss_1.json');
    assert.equal(report.mediaType, 'application/json');
    const model = JSON.parse(report.content) as {
      reportVersion: number; inspector: { version: string }; generatedAt: string; execution: { id: string };
      rollback: { scaffold: { hints: { actions: string[] }[] }; scaffoldHash: string };
      verification: { chain: string; executionHash: string }; sources: { path: string; sha256: string; lines: number[] }[];
    };
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    assert.equal(model.reportVersion, 1);
    assert.equal(model.inspector.version, pkg.version);
    assert.equal(model.generatedAt, '2026-03-03T12:00:00.000Z');
    assert.equal(model.execution.id, id);
    assert.deepEqual(model.rollback.scaffold.hints.map((hint) => hint.actions), HOSTILE.hints.map((hint) => hint.actions));
    assert.equal(model.rollback.scaffoldHash, (await inspection.call('getRollbackScaffold', { id })).scaffoldHash);
    assert.equal(model.verification.chain, 'intact');
    assert.equal(model.verification.executionHash, 'match');
    const paths = [RECORD_PATHS.document('exec-xss/1'), RECORD_PATHS.observer('exec-xss/1'), RECORD_PATHS.plan('plan-xss')];
    assert.deepEqual(model.sources.map((source) => source.path).sort(), [...paths].sort());
    for (const source of model.sources) {
      assert.equal(source.sha256, sha256(join(inspection.folder, source.path)), source.path);
      assert.ok(source.lines.length > 0, `${source.path} cites lines`);
    }
    const observerLines = readFileSync(join(inspection.folder, RECORD_PATHS.observer('exec-xss/1')), 'utf8').trim().split('\n').length;
    const cited = model.sources.find((source) => source.path === RECORD_PATHS.observer('exec-xss/1'));
    assert.deepEqual(cited?.lines, Array.from({ length: observerLines }, (_, i) => i + 1));
  });
});

describe('exportReport of a record a reviewer acknowledged, and of a tampered one', () => {
  const folder = tempFolder('report-acknowledged');
  const writer = new FixtureWriter(folder, new FixtureLedger());
  const random = new SeededRandom(11);
  const clock = new FixtureClock(Date.parse('2026-03-02T10:00:00Z'));
  writeRecordRun(writer, recordRun(random, clock.branch(), { ...HOSTILE, executionId: 'exec-ack', planId: 'plan-ack' }), 'stream+document+plan');
  // The same run with its observer stream edited after hashing: a step event's details changed.
  const tampered = recordRun(random, clock.branch(), { ...HOSTILE, executionId: 'exec-tampered', planId: 'plan-tampered', status: 'COMPLETED' });
  writeRecordRun(writer, tampered, 'stream+plan');
  const observer = join(folder, RECORD_PATHS.observer('exec-tampered'));
  writeFileSync(observer, readFileSync(observer, 'utf8').replace('"details":{"input":{}}', '"details":{"input":{"edited":true}}'));
  const opened = openInspection(folder, { now: () => new Date('2026-03-03T12:00:00.000Z') });

  it('includes every recorded acknowledgement in each format, with times in the app’s one format', async () => {
    const inspection = await opened;
    const id = 'record:exec-ack';
    const { scaffoldHash } = await inspection.call('getRollbackScaffold', { id });
    await inspection.call('acknowledgeRollback', { id, reviewer: 'Ada Reviewer', scaffoldHash, note: 'rolled back by hand at 12:10' });
    const json = JSON.parse((await inspection.call('exportReport', { id, format: 'json' })).content) as { reviewJournal: { acknowledgements: { reviewer: string; scaffoldHash: string; note: string }[] } };
    assert.deepEqual(json.reviewJournal.acknowledgements.map((a) => [a.reviewer, a.scaffoldHash, a.note]), [['Ada Reviewer', scaffoldHash, 'rolled back by hand at 12:10']]);
    const md = (await inspection.call('exportReport', { id, format: 'md' })).content;
    assert.match(md, /\| Ada Reviewer \| 2026-03-03 12:00:00\.000Z \| [0-9a-f]{64} \| rolled back by hand at 12:10 \|/);
    const html = (await inspection.call('exportReport', { id, format: 'html' })).content;
    assert.ok(html.includes('<td>Ada Reviewer</td><td>2026-03-03 12:00:00.000Z</td>'));
    for (const content of [md, html]) {
      // The header, snapshots and acknowledgements read alike (raw lines stay as written).
      assert.ok(content.includes('Generated 2026-03-03 12:00:00.000Z'));
      assert.match(content, /Started(<\/dt><dd>| \| )2026-03-02 10:00:00\.000Z/);
      assert.match(content, /Captured 2026-03-02 \d{2}:\d{2}:\d{2}\.\d{3}Z \(pre\)/);
    }
  });

  it('says that a tampered record cannot be trusted, beside the status it claims', async () => {
    const inspection = await opened;
    const id = 'record:exec-tampered';
    assert.equal((await inspection.call('getExecution', { id })).execution.integrity, 'broken');
    const md = (await inspection.call('exportReport', { id, format: 'md' })).content;
    assert.match(md, /\| Status \| COMPLETED \(ok\), as claimed by a record that cannot be trusted \|/);
    assert.match(md, /\| Integrity \| BROKEN: a hash no longer matches the record; it cannot be trusted \|/);
    const html = (await inspection.call('exportReport', { id, format: 'html' })).content;
    assert.ok(html.includes('(ok, as claimed)'));
    assert.ok(!html.includes('badge-ok">ok<'), 'the claimed outcome is not a green ok badge');
    const json = JSON.parse((await inspection.call('exportReport', { id, format: 'json' })).content) as { execution: { integrity: string } };
    assert.equal(json.execution.integrity, 'broken');
  });
});

describe('exportReport for every family of the demo', () => {
  it('renders each family in each format and names the file after the execution', async () => {
    const folder = tempFolder('report-demo');
    writeDemoFolder(folder);
    const inspection = await openInspection(folder);
    for (const family of EXECUTION_FAMILIES) {
      const [row] = query<{ key: string }>(inspection.dbPath, 'SELECT key FROM executions WHERE family = ? ORDER BY failure_count DESC, key LIMIT 1', family);
      assert.ok(row, family);
      for (const format of ['md', 'html', 'json'] as const) {
        const report: ApiResponse<'exportReport'> = await inspection.call('exportReport', { id: `${family}:${row.key}`, format });
        assert.equal(report.filename, reportFilename(family, row.key, format));
        assert.match(report.filename, /^incident-[a-z-]+-[A-Za-z0-9._-]+\.(md|html|json)$/);
        assert.ok(report.content.length > 0);
      }
    }
    const pac = await inspection.call('exportReport', { id: 'benson:PAC-DAN-P53-01', format: 'md' });
    const summary = await inspection.call('getTelemetrySummary', { id: 'benson:PAC-DAN-P53-01' });
    assert.ok(pac.content.includes('### Telemetry summary'));
    assert.ok(pac.content.includes(`| total\\_events | ${summary.total_events} |`));
    assert.equal((await inspection.fail('exportReport', { id: 'record:nope', format: 'md' })).code, 'not_found');
  });
});

describe('report text escaping', () => {
  it('escapes the five HTML-significant characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('keeps a Markdown cell on one line and makes links and pipes inert', () => {
    assert.equal(escapeMarkdown('a|b\nc`d`'), 'a\\|b c\\`d\\`');
    assert.equal(escapeMarkdown('see https://x.example and www.example.org or me@example.org'), 'see https\\://x.example and www\\.example.org or me\\@example.org');
  });

  it('fences a verbatim block with more backticks than it contains', () => {
    assert.equal(fencedBlock('plain'), '```\nplain\n```');
    assert.equal(fencedBlock('a ```` b'), '`````\na ```` b\n`````');
  });

  it('reduces a key to a safe file name', () => {
    assert.equal(reportFilename('cycle', '2026-03-02T09-20-00Z/migrate customers', 'html'), 'incident-cycle-2026-03-02T09-20-00Z_migrate_customers.html');
    assert.equal(reportFilename('record', '../../etc/passwd', 'md'), 'incident-record-__.._etc_passwd.md');
    assert.equal(otlpFilename('record', '../../etc/passwd'), 'incident-record-__.._etc_passwd.otlp.jsonl', 'the OTLP export is named like the reports');
  });
});
