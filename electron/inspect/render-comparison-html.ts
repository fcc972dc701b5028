import type { AlignedStep, ComparedSnapshotField, EvidenceLine } from '../../shared/model/comparison';
import { deltaText, reportedSteps, stepOutcomeText, verdictText, type ComparisonReport } from './comparison-report';
import { reportDuration } from './incident-report';
import { html, journalSection, Markup, reportPage } from './render-report-html';
import type { SourceDigest } from './verify-execution';

/**
 * Renders a comparison report as one self-contained HTML file: inline CSS, no
 * script, nothing fetched; every piece of evidence text is escaped by the
 * incident report's `html` tag, so it can only ever reach the page as text.
 */
export function renderComparisonHtml(report: ComparisonReport): string {
  const c = report.comparison;
  const { steps, onlyDifferent } = reportedSteps(c);
  return reportPage(
    `Comparison: ${c.a.id} and ${c.b.id}`,
    html`<header>
<h1>Comparison: <code>${c.a.id}</code> and <code>${c.b.id}</code></h1>
<p class="muted">Generated ${report.generatedAt} by Execution Inspector ${report.inspector.version} from ${report.folder}. The inspector only reads the evidence; nothing in this report was executed.</p>
${report.indexing.statement === null ? '' : html`<p class="notice"><strong>Incomplete index.</strong> ${report.indexing.statement}</p>`}
</header>
<p class="${c.firstDivergence === null ? 'notice ok' : 'notice'}">${verdictText(c)}</p>
<table><thead><tr><th></th><th>Run A</th><th>Run B</th></tr></thead><tbody>
<tr><th>Execution</th><td><code>${c.a.id}</code></td><td><code>${c.b.id}</code></td></tr>
<tr><th>Status</th><td>${c.a.status ?? '—'} (${c.a.outcome})</td><td>${c.b.status ?? '—'} (${c.b.outcome})</td></tr>
<tr><th>Plan</th><td>${c.a.planId ?? '—'}</td><td>${c.b.planId ?? '—'}</td></tr>
<tr><th>Duration</th><td>${reportDuration(c.a.durationMs)}</td><td>${reportDuration(c.b.durationMs)}</td></tr>
</tbody></table>
<p>Steps aligned by ${c.alignedBy}: ${c.counts.aligned} aligned (${c.counts.different} different), ${c.counts.onlyInA} only in run A, ${c.counts.onlyInB} only in run B.</p>
${c.truncated ? html`<p class="notice">A run had more events than a comparison reads: only its first events were compared.</p>` : ''}
${c.firstDivergence === null ? '' : html`<section><h2>First divergence</h2><p>${c.firstDivergence.label}: ${c.firstDivergence.reasons.join('; ')}</p>
<h3>Run A evidence</h3>${evidence(c.evidence.a)}<h3>Run B evidence</h3>${evidence(c.evidence.b)}</section>`}
<section><h2>Steps</h2>
${onlyDifferent ? html`<p class="muted">${c.steps.length} steps: only the ${steps.length} that differ are listed (the JSON report has all).</p>` : ''}
<table><thead><tr><th>Step</th><th>Run A</th><th>Run B</th><th>Duration A</th><th>Duration B</th><th>Delta</th><th>Differs</th></tr></thead><tbody>${steps.map(stepRow)}</tbody></table>
</section>
${snapshots('before', c.snapshots.pre)}
${snapshots('after', c.snapshots.post)}
${journalSection(report.reviewJournal, 'either run')}
<section><h2>Sources</h2><p class="muted">Each run's files as read when this report was made.</p>
<table><thead><tr><th>Run</th><th>File</th><th>SHA-256</th><th>Bytes</th></tr></thead><tbody>${sourceRows('A', report.sources.a)}${sourceRows('B', report.sources.b)}</tbody></table></section>`,
  );
}

function stepRow(step: AlignedStep): Markup {
  return html`<tr${step.differences.length > 0 ? new Markup(' class="bad"') : ''}><td>${step.label}</td><td>${stepOutcomeText(step.a)}</td><td>${stepOutcomeText(step.b)}</td><td>${reportDuration(step.a?.durationMs ?? null)}</td><td>${reportDuration(step.b?.durationMs ?? null)}</td><td>${deltaText(step.durationDeltaMs)}</td><td>${step.differences.join(', ')}</td></tr>`;
}

function evidence(lines: readonly EvidenceLine[]): Markup {
  if (lines.length === 0) return html`<p class="muted">No line: the step is not in this run.</p>`;
  return html`${lines.map((line) => html`<p><code>${line.path}:${line.line}</code></p><pre>${line.raw}</pre>`)}`;
}

function snapshots(when: string, fields: readonly ComparedSnapshotField[]): Markup {
  if (fields.length === 0) return html``;
  return html`<section><h2>Security snapshot ${when}</h2><table><thead><tr><th>Field</th><th>Run A</th><th>Run B</th><th>Change</th></tr></thead><tbody>${fields.map(
    (f) => html`<tr><td>${f.field}</td><td><code>${jsonText(f.a)}</code></td><td><code>${jsonText(f.b)}</code></td><td>${f.counts ? f.change : `${f.change} (not compared)`}</td></tr>`,
  )}</tbody></table></section>`;
}

function sourceRows(run: string, sources: readonly SourceDigest[]): Markup {
  return html`${sources.map((s) => html`<tr><td>${run}</td><td><code>${s.path}</code></td><td><code>${s.sha256 ?? `unreadable: ${s.error ?? 'unknown'}`}</code></td><td class="num">${s.size ?? '—'}</td></tr>`)}`;
}

function jsonText(value: unknown): string {
  return value === undefined ? '(absent)' : (JSON.stringify(value) ?? '');
}
