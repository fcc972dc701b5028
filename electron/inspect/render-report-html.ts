import type { ChainVerdict, ProducerRollbackVerdict, RollbackHint, SideEffect } from '../../shared/model/inspection';
import type { Step } from './assemble-execution';
import { displayWrittenTime } from '../../shared/model/display-time';
import { integrityLine, naiveTimesText, noteStateText, noteTargetText, reportDuration, reportTime, type IncidentReport } from './incident-report';
import type { JournalExcerpt } from './journal-notes';

/** Markup built by `html` only: its interpolations were escaped, so it can be nested without escaping again. */
export class Markup {
  constructor(readonly text: string) {}
}

export type Part = Markup | string | number | boolean | null | undefined | readonly Part[];

/** Escapes text for HTML element content and quoted attribute values: & < > " '. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A tagged template that escapes every interpolated value unless it is markup
 * this module built. Evidence text can therefore only ever reach the page as
 * text: forgetting to escape one value is not possible by construction.
 */
export function html(strings: TemplateStringsArray, ...parts: readonly Part[]): Markup {
  let out = strings[0] ?? '';
  parts.forEach((part, index) => {
    out += render(part) + (strings[index + 1] ?? '');
  });
  return new Markup(out);
}

function render(part: Part): string {
  if (part instanceof Markup) return part.text;
  if (part === null || part === undefined) return '';
  if (Array.isArray(part)) return part.map((item: Part) => render(item)).join('');
  return escapeHtml(String(part));
}

// Inline styles only: the file must render the same anywhere, offline, with nothing fetched.
const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;max-width:1100px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #d5d9e0;padding-bottom:.25rem}
h3{font-size:1rem;margin:1.25rem 0 .4rem}
table{border-collapse:collapse;width:100%;margin:.25rem 0 1rem}th,td{border:1px solid #d5d9e0;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f2f4f7;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}pre{background:#f6f7f9;border:1px solid #e2e5ea;padding:.5rem;white-space:pre-wrap;word-break:break-all;margin:.25rem 0}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:.6rem;font-size:.85em;font-weight:600}
.ok{background:#dff3e4;color:#14532d}.bad{background:#fde2e1;color:#7f1d1d}.warn{background:#fff1cc;color:#713f12}
.muted{color:#5b6472}.notice{border-left:4px solid #b45309;background:#fffbeb;padding:.5rem .75rem;margin:.75rem 0}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.kv dt{font-weight:600}dl.kv dd{margin:0}
`;

/**
 * Renders an incident report as one self-contained HTML file: inline CSS, no
 * script, nothing fetched, a Content-Security-Policy that forbids both anyway.
 * Every piece of text from the evidence is escaped, and URLs in it stay text.
 */
export function renderReportHtml(report: IncidentReport): string {
  const x = report.execution;
  return reportPage(
    `Incident report: ${x.id}`,
    html`<header>
<h1>Incident report: <code>${x.id}</code></h1>
<p class="muted">Generated ${displayWrittenTime(report.generatedAt)} by Execution Inspector ${report.inspector.version} from ${report.folder}. The inspector only reads the evidence; nothing in this report was executed.</p>
${report.indexing.statement === null ? '' : html`<p class="notice"><strong>Incomplete index.</strong> ${report.indexing.statement}</p>`}
</header>
${header(report)}
${verification(report)}
${timeline(report)}
${sideEffects(report)}
${security(report)}
${rollback(report)}
${problems(report)}
${journalSection(report.reviewJournal, 'this execution')}
${sources(report)}`,
  );
}

/**
 * One self-contained report page around `body`: inline CSS, no script, nothing
 * fetched, and a Content-Security-Policy that forbids both anyway. `title` is
 * text and is escaped.
 */
export function reportPage(title: string, body: Markup): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Markup(STYLE)}</style>
</head>
<body>
${body}
</body>
</html>
`.text;
}

function header(report: IncidentReport): Markup {
  const x = report.execution;
  const rows: [string, Part][] = [
    ['Execution', x.id],
    ['Family', x.family],
    ['Key', x.key],
    ['Label', x.label ?? '—'],
    // A broken record only claims its outcome: never shown as a green "ok".
    ['Status', x.integrity === 'broken' ? html`${x.status ?? '—'} (${x.outcome}, as claimed) ${badge('cannot be trusted', 'bad')}` : html`${x.status ?? '—'} ${badge(x.outcome, x.outcome === 'ok' ? 'ok' : x.outcome === 'failed' ? 'bad' : 'warn')}`],
    ['Integrity', integrityLine(x.integrity)],
    ['Live mode', x.liveMode ?? '—'],
    ['Plan', x.planId ?? '—'],
    ['Started', reportTime(x.startMs)],
    ['Ended', reportTime(x.endMs)],
    ['Duration', reportDuration(x.durationMs)],
    ['Actor', x.actor ?? '—'],
    ['Product', x.product ?? '—'],
    ['Events', x.eventCount],
    ['Failures', x.failureCount],
    ['Problems', x.problemCount],
  ];
  return html`<section><h2>Execution</h2><dl class="kv">${rows.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl></section>`;
}

function verification(report: IncidentReport): Markup {
  const v = report.verification;
  if (v === null) return html``;
  const verdict = (name: string, chain: ChainVerdict | null): Markup =>
    chain === null
      ? html`<tr><td>${name}</td><td colspan="4" class="muted">no ${name.toLowerCase()}</td></tr>`
      : html`<tr><td>${name}</td><td>${chainBadge(chain.chain)}</td><td class="num">${chain.length}</td><td>${chain.brokenAt ?? '—'}</td><td>${chain.reason ?? '—'}</td><td>${chain.rule ?? '—'}</td></tr>`;
  const recomputed = v.document?.recomputed ?? [];
  return html`<section><h2>Hash chain</h2>
<p>Overall: ${chainBadge(v.chain)}${v.chain === 'broken' ? html` at ${v.brokenIn ?? ''} step event ${v.brokenAt ?? '?'} (${v.reason ?? 'unknown reason'})` : ''}</p>
<p>What was checked: ${v.statement}</p>
<table><thead><tr><th>Source</th><th>Chain</th><th>Step events</th><th>Broken at</th><th>Reason</th><th>Rule</th></tr></thead>
<tbody>${verdict('Observer stream', v.stream)}${verdict('Record document', v.document)}</tbody></table>
${recomputed.length > 0 ? html`<p class="muted">Step chain recomputed by the producer's rule (not stored in the document; compare with another copy):</p><ol start="0">${recomputed.map((hash) => html`<li><code>${hash}</code></li>`)}</ol>` : ''}
${v.chain === 'broken' ? html`<dl class="kv"><dt>Expected</dt><dd><code>${v.expected ?? 'null'}</code></dd><dt>Computed</dt><dd><code>${v.computed ?? 'null'}</code></dd></dl>` : ''}
<h3>execution_hash</h3>
<dl class="kv"><dt>Comparison</dt><dd>${badge(v.executionHash, v.executionHash === 'match' ? 'ok' : v.executionHash === 'mismatch' ? 'bad' : 'warn')}</dd>
<dt>Rule</dt><dd>${v.executionHashRule ?? '—'}</dd>
<dt>In the document</dt><dd><code>${v.executionHashExpected ?? '—'}</code></dd><dt>Recomputed</dt><dd><code>${v.executionHashComputed ?? '—'}</code></dd></dl>
</section>`;
}

function timeline(report: IncidentReport): Markup {
  const parts: Markup[] = [];
  if (report.steps.length > 0) parts.push(html`<h3>Steps</h3>${stepsTable(report.steps)}`);
  if (report.telemetrySummary !== null) {
    const t = report.telemetrySummary;
    parts.push(html`<h3>Telemetry summary</h3><dl class="kv"><dt>total_events</dt><dd>${t.total_events}</dd><dt>event_types</dt><dd>${t.event_types.join(', ')}</dd>
<dt>first_event</dt><dd>${displayWrittenTime(t.first_event)}</dd><dt>last_event</dt><dd>${displayWrittenTime(t.last_event)}</dd></dl>`);
  }
  if (report.checkpoints.length > 0) {
    parts.push(html`<h3>Checkpoints</h3><table><thead><tr><th>Checkpoint</th><th>Name</th><th>Status</th><th>Details</th><th>Time</th></tr></thead><tbody>${report.checkpoints.map(
      (c) => html`<tr><td>${c.checkpointId ?? '—'}</td><td>${c.name ?? '—'}</td><td>${c.status ?? '—'}</td><td>${c.details ?? ''}</td><td>${reportTime(c.ts)}</td></tr>`,
    )}</tbody></table>`);
  }
  if (report.cycles.length > 0) {
    parts.push(html`<h3>Cycles</h3><table><thead><tr><th>Cycle</th><th>First</th><th>Last</th><th>Events</th><th>Failures</th><th>Decision</th></tr></thead><tbody>${report.cycles.map(
      (c) => html`<tr><td>${c.cycle ?? '—'}</td><td>${reportTime(c.firstMs)}</td><td>${reportTime(c.lastMs)}</td><td class="num">${c.eventCount}</td><td class="num">${c.failureCount}</td><td>${c.decision ?? '—'}</td></tr>`,
    )}</tbody></table>`);
  }
  parts.push(html`<h3>Events</h3>
${report.eventsTruncated ? html`<p class="notice">Only the first ${report.events.length} of ${report.execution.eventCount} events are listed.</p>` : ''}
<table><thead><tr><th>Time</th><th>Kind</th><th>Status</th><th>File:line</th><th>Line (start)</th></tr></thead><tbody>${report.events.map(
    (e) => html`<tr><td>${reportTime(e.ts)}</td><td>${e.kind}</td><td>${e.status ?? ''}${e.failed ? html` ${badge('failed', 'bad')}` : ''}</td><td><code>${e.source.path}:${e.source.line}</code>${e.source.gone ? ' (gone)' : ''}</td><td><code>${e.preview}</code></td></tr>`,
  )}</tbody></table>`);
  return html`<section><h2>Timeline</h2>${parts}</section>`;
}

function stepsTable(steps: readonly Step[]): Markup {
  return html`<table><thead><tr><th>Step</th><th>Name</th><th>Status</th><th>Started</th><th>Ended</th><th>Duration</th><th>Error</th></tr></thead><tbody>${steps.map(
    (s) => html`<tr><td class="num">${s.index ?? '—'}</td><td>${s.name ?? '—'}</td><td>${s.status ?? '—'}</td><td>${reportTime(s.startedMs)}</td><td>${reportTime(s.endedMs)}</td><td>${reportDuration(s.durationMs)}</td><td>${s.errorMessage ?? ''}</td></tr>`,
  )}</tbody></table>`;
}

function sideEffects(report: IncidentReport): Markup {
  const r = report.sideEffects;
  if (r === null) return html``;
  const matchOf = (effect: SideEffect): string => {
    const pair = r.matched.find((m) => m.observed === effect);
    return pair === undefined ? 'undeclared' : pair.rule === 'exact' ? 'declared' : 'declared (same step and category)';
  };
  const effectRow = (effect: SideEffect, match: string): Markup =>
    html`<tr><td class="num">${effect.stepIndex ?? '—'}</td><td>${effect.category}</td><td>${effect.description}</td><td>${reversibleText(effect.reversible)}</td><td>${match}</td><td>${jsonBlock(effect.details)}</td></tr>`;
  const head = html`<thead><tr><th>Step</th><th>Category</th><th>Description</th><th>Reversible</th><th>Declared</th><th>Details</th></tr></thead>`;
  if (!r.observedReported) {
    return html`<section><h2>Side effects</h2><p class="notice">This record carries no side-effect report: nothing says what was observed (which is not the same as nothing observed). ${r.declared.length} declared.</p></section>`;
  }
  return html`<section><h2>Side effects</h2>
<p>${r.observed.length} observed, ${r.declared.length} declared: ${r.matched.length} matched, ${r.undeclared.length} undeclared, ${r.unobserved.length} declared but not observed, ${r.irreversible.length} irreversible.</p>
<h3>Observed</h3><table>${head}<tbody>${r.observed.map((effect) => effectRow(effect, matchOf(effect)))}</tbody></table>
${r.unobserved.length > 0 ? html`<h3>Declared but not observed</h3><table>${head}<tbody>${r.unobserved.map((effect) => effectRow(effect, 'not observed'))}</tbody></table>` : ''}
</section>`;
}

function security(report: IncidentReport): Markup {
  const d = report.securityDiff;
  if (d === null) return html``;
  const direction = d.stateChange.direction;
  return html`<section><h2>Security snapshot</h2>
<p>State: ${d.stateChange.from ?? '—'} → ${d.stateChange.to ?? '—'} ${badge(direction, directionTone(direction))}</p>
${d.boundaryChange === null ? '' : html`<p>Boundary: ${d.boundaryChange.from ?? '—'} → ${d.boundaryChange.to ?? '—'} ${badge(d.boundaryChange.direction, directionTone(d.boundaryChange.direction))}</p>`}
${d.post === null ? html`<p class="notice">No post snapshot: the record was not finished.</p>` : ''}
<p class="muted">Captured ${displayWrittenTime(d.pre?.capturedAt)} (pre) and ${d.post === null ? 'no post snapshot' : displayWrittenTime(d.post.capturedAt)} (post).</p>
<table><thead><tr><th>Field</th><th>Change</th><th>Pre</th><th>Post</th><th>Added</th><th>Removed</th></tr></thead><tbody>${d.fields.map(
    (f) => html`<tr><td>${f.field}</td><td>${f.change}</td><td>${jsonBlock(f.pre)}</td><td>${jsonBlock(f.post)}</td><td>${f.added === undefined ? '' : jsonBlock(f.added)}</td><td>${f.removed === undefined ? '' : jsonBlock(f.removed)}</td></tr>`,
  )}</tbody></table></section>`;
}

function rollback(report: IncidentReport): Markup {
  const r = report.rollback;
  if (r === null) return html``;
  const s = r.scaffold;
  const p = r.producerVerdict;
  return html`${p === null ? '' : producerVerdict(p)}<section><h2>Rollback scaffold (the inspector's, from the evidence)</h2>
<p class="notice">Derived for manual work and never executed. Hints are shown exactly as the plan wrote them.</p>
<p>Rollback possible: ${badge(s.isRollbackPossible ? 'yes' : 'no', s.isRollbackPossible ? 'ok' : 'bad')}${s.reason === null ? '' : html` — ${s.reason}`}</p>
<p>Irreversible steps: ${s.irreversibleSteps.length === 0 ? 'none' : s.irreversibleSteps.join(', ')}</p>
${s.warnings.length > 0 ? html`<h3>Warnings</h3><ul>${s.warnings.map((w) => html`<li><code>${w.code}</code> ${w.message}</li>`)}</ul>` : ''}
<h3>Manual steps</h3>
${s.manualSteps.length === 0 ? html`<p class="muted">None.</p>` : html`<ol>${s.manualSteps.map((m) => html`<li>Step ${m.stepIndex ?? '—'} (${m.description}):<pre>${m.action}</pre></li>`)}</ol>`}
<h3>Hints, verbatim</h3>
${s.hints.length === 0 ? html`<p class="muted">None.</p>` : s.hints.map((hint) => hintBlock(hint))}
<p class="muted">Scaffold hash (what an acknowledgement records): <code>${r.scaffoldHash}</code></p>
</section>`;
}

function producerVerdict(p: ProducerRollbackVerdict): Markup {
  return html`<section><h2>The producer's rollback verdict</h2>
<p class="notice">${p.producer}, reproduced from the record as the producer decides it (by status). The producer's word, not the inspector's: the inspector's own evidence-based scaffold follows.</p>
<p>Rollback possible (producer): ${badge(p.isRollbackPossible ? 'yes' : 'no', p.isRollbackPossible ? 'ok' : 'bad')} — ${p.reason === '' ? '(the producer gives no reason for this status)' : p.reason}</p>
${p.warnings.length > 0 ? html`<ul>${p.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ''}
${p.irreversibleSteps.length > 0 ? html`<p>Irreversible (producer; positions in step_events): ${p.irreversibleSteps.join(', ')}</p>` : ''}
${p.manualSteps.length > 0 ? html`<ol>${p.manualSteps.map((m) => html`<li>${m}</li>`)}</ol>` : ''}
</section>`;
}

function chainBadge(chain: 'intact' | 'broken' | 'absent'): Markup {
  return chain === 'absent' ? badge('not present', 'warn') : badge(chain, chain === 'intact' ? 'ok' : 'bad');
}

function directionTone(direction: string): 'ok' | 'bad' | 'warn' {
  return direction === 'worse' ? 'bad' : direction === 'same' || direction === 'better' ? 'ok' : 'warn';
}

function hintBlock(hint: RollbackHint): Markup {
  return html`<div><p><strong>Step ${hint.stepIndex ?? '—'}</strong>: ${hint.description}</p>
<p>Actions:</p>${hint.actions.map((action) => html`<pre>${action}</pre>`)}
${hint.risks.length > 0 ? html`<p>Risks:</p><ul>${hint.risks.map((risk) => html`<li>${risk}</li>`)}</ul>` : ''}</div>`;
}

function problems(report: IncidentReport): Markup {
  const rows = report.problems;
  return html`<section><h2>Problems</h2>
${rows.length === 0 ? html`<p class="muted">None.</p>` : html`<table><thead><tr><th>Code</th><th>Message</th><th>File:line</th></tr></thead><tbody>${rows.map(
    (p) => html`<tr><td><code>${p.code}</code></td><td>${p.message}</td><td>${p.path === null ? '—' : html`<code>${p.path}${p.line === null ? '' : `:${p.line}`}</code>`}</td></tr>`,
  )}</tbody></table>`}
${report.execution.problemCount > rows.length ? html`<p class="notice">Only the first ${rows.length} of ${report.execution.problemCount} problems are listed.</p>` : ''}
</section>`;
}

/** The review journal's verdict, notes and acknowledgements on what a report is about (`about`: "this execution", …). */
export function journalSection(excerpt: JournalExcerpt, about: string): Markup {
  const { verdict, notes, acknowledgements } = excerpt;
  return html`<section><h2>Review journal</h2>
<p>${badge(verdict.state, verdict.state === 'intact' ? 'ok' : 'bad')} ${verdict.statement}</p>
${notes.length === 0 ? html`<p class="muted">No reviewer notes on ${about}.</p>` : html`<table><thead><tr><th>Entry</th><th>Kind</th><th>Reviewer</th><th>Time</th><th>On</th><th>Note</th><th>Standing</th></tr></thead><tbody>${notes.map(
    (n) => html`<tr><td class="num">${n.seq}</td><td>${n.kind}</td><td>${n.reviewer}</td><td>${displayWrittenTime(n.at)}</td><td>${noteTargetText(n)}</td><td>${n.text}</td><td>${noteStateText(n)}</td></tr>`,
  )}</tbody></table>`}
${acknowledgements.length === 0 ? '' : html`<table><thead><tr><th>Acknowledged by</th><th>Time</th><th>Scaffold hash</th><th>Note</th></tr></thead><tbody>${acknowledgements.map(
    (a) => html`<tr><td>${a.reviewer}</td><td>${displayWrittenTime(a.acknowledgedAt)}</td><td><code>${a.scaffoldHash}</code></td><td>${a.note ?? '—'}</td></tr>`,
  )}</tbody></table>`}
</section>`;
}

function sources(report: IncidentReport): Markup {
  return html`<section><h2>Sources</h2>
<p class="muted">Every file this report cites, hashed when the report was made, and how its times written without a time zone were read.</p>
<table><thead><tr><th>File</th><th>SHA-256</th><th>Size</th><th>Lines cited</th><th>Times without zone</th></tr></thead><tbody>${report.sources.map(
    (s) =>
      html`<tr><td><code>${s.path}</code></td><td>${s.sha256 === null ? html`<span class="bad badge">unreadable</span> ${s.error ?? ''}` : html`<code>${s.sha256}</code>`}</td><td class="num">${s.size ?? '—'}</td><td>${s.lines.join(', ')}</td><td>${naiveTimesText(s)}</td></tr>`,
  )}</tbody></table></section>`;
}

function badge(text: string, tone: 'ok' | 'bad' | 'warn'): Markup {
  return html`<span class="badge ${tone}">${text}</span>`;
}

function jsonBlock(value: unknown): Markup {
  if (value === undefined) return html``;
  return html`<pre>${JSON.stringify(value, null, 2) ?? String(value)}</pre>`;
}

function reversibleText(reversible: boolean | null): string {
  return reversible === null ? 'unknown' : reversible ? 'yes' : 'no';
}
