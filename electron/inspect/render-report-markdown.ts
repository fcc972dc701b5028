import type { ChainVerdict, SideEffect } from '../../shared/model/inspection';
import { displayWrittenTime } from '../../shared/model/display-time';
import { integrityLine, naiveTimesText, noteStateText, noteTargetText, reportDuration, reportTime, type IncidentReport } from './incident-report';
import type { JournalExcerpt } from './journal-notes';

/**
 * Escapes evidence text for inline Markdown and table cells: backslash,
 * backticks, pipes and the characters that start emphasis, links, raw HTML or
 * entities. The `:` of `scheme://`, `www.` and `@` are escaped too, so GFM does
 * not turn a URL or address in a log into a link. Line breaks become spaces,
 * since a cell or list item is one line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`|*_[\]<>~&@]/g, (char) => `\\${char}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/\r\n|\r|\n/g, ' ');
}

/** A fenced code block that shows `text` verbatim: the fence is longer than any backtick run inside it. */
export function fencedBlock(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${text}\n${fence}`;
}

/** Renders an incident report as Markdown; tables for lists, fenced blocks for anything that must stay verbatim. */
export function renderReportMarkdown(report: IncidentReport): string {
  const x = report.execution;
  const out: string[] = [];
  out.push(`# Incident report: ${escapeMarkdown(x.id)}`, '');
  out.push(
    `Generated ${escapeMarkdown(displayWrittenTime(report.generatedAt))} by Execution Inspector ${escapeMarkdown(report.inspector.version)} from ${escapeMarkdown(report.folder)}. ` +
      'The inspector only reads the evidence; nothing in this report was executed.',
    '',
  );
  if (report.indexing.statement !== null) out.push(`**Incomplete index.** ${escapeMarkdown(report.indexing.statement)}`, '');
  out.push('## Execution', '');
  out.push(
    table(
      ['Field', 'Value'],
      [
        ['Execution', x.id],
        ['Family', x.family],
        ['Key', x.key],
        ['Label', x.label ?? '—'],
        ['Status', `${x.status ?? '—'} (${x.outcome})${x.integrity === 'broken' ? ', as claimed by a record that cannot be trusted' : ''}`],
        ['Integrity', integrityLine(x.integrity)],
        ['Live mode', x.liveMode ?? '—'],
        ['Plan', x.planId ?? '—'],
        ['Started', reportTime(x.startMs)],
        ['Ended', reportTime(x.endMs)],
        ['Duration', reportDuration(x.durationMs)],
        ['Actor', x.actor ?? '—'],
        ['Product', x.product ?? '—'],
        ['Events', String(x.eventCount)],
        ['Failures', String(x.failureCount)],
        ['Problems', String(x.problemCount)],
      ],
    ),
    '',
  );
  verification(report, out);
  timeline(report, out);
  sideEffects(report, out);
  security(report, out);
  rollback(report, out);
  problems(report, out);
  journalSection(report.reviewJournal, 'this execution', out);
  out.push('## Sources', '', 'Every file this report cites, hashed when the report was made, and how its times written without a time zone were read.', '');
  out.push(
    table(
      ['File', 'SHA-256', 'Size', 'Lines cited', 'Times without zone'],
      report.sources.map((s) => [s.path, s.sha256 ?? `unreadable: ${s.error ?? 'unknown error'}`, s.size === null ? '—' : String(s.size), s.lines.join(', '), naiveTimesText(s)]),
    ),
    '',
  );
  return `${out.join('\n')}\n`;
}

function verification(report: IncidentReport, out: string[]): void {
  const v = report.verification;
  if (v === null) return;
  const row = (name: string, chain: ChainVerdict | null): string[] =>
    chain === null
      ? [name, 'no such source', '', '', '', '']
      : [name, chainWord(chain.chain), String(chain.length), chain.brokenAt === undefined ? '—' : String(chain.brokenAt), chain.reason ?? '—', chain.rule ?? '—'];
  out.push('## Hash chain', '');
  out.push(`Overall: **${chainWord(v.chain)}**${v.chain === 'broken' ? ` at ${v.brokenIn ?? ''} step event ${v.brokenAt ?? '?'} (${escapeMarkdown(v.reason ?? 'unknown reason')})` : ''}`, '');
  out.push(`What was checked: ${escapeMarkdown(v.statement)}`, '');
  out.push(table(['Source', 'Chain', 'Step events', 'Broken at', 'Reason', 'Rule'], [row('Observer stream', v.stream), row('Record document', v.document)]), '');
  const recomputed = v.document?.recomputed;
  if (recomputed !== undefined && recomputed.length > 0) {
    out.push("Step chain recomputed by the producer's rule (not stored in the document; compare with another copy):", '');
    out.push(table(['Step event', 'Recomputed hash'], recomputed.map((hash, index) => [String(index), hash])), '');
  }
  if (v.chain === 'broken') out.push(table(['', 'Hash'], [['Expected', v.expected ?? 'null'], ['Computed', v.computed ?? 'null']]), '');
  out.push(
    `execution_hash: **${v.executionHash}**${v.executionHashRule === null ? '' : ` (rule: ${v.executionHashRule})`}`,
    '',
    table(['', 'execution_hash'], [['In the document', v.executionHashExpected ?? '—'], ['Recomputed', v.executionHashComputed ?? '—']]),
    '',
  );
}

function timeline(report: IncidentReport, out: string[]): void {
  out.push('## Timeline', '');
  if (report.steps.length > 0) {
    out.push('### Steps', '');
    out.push(
      table(
        ['Step', 'Name', 'Status', 'Started', 'Ended', 'Duration', 'Error'],
        report.steps.map((s) => [s.index === null ? '—' : String(s.index), s.name ?? '—', s.status ?? '—', reportTime(s.startedMs), reportTime(s.endedMs), reportDuration(s.durationMs), s.errorMessage ?? '']),
      ),
      '',
    );
  }
  const t = report.telemetrySummary;
  if (t !== null) {
    out.push('### Telemetry summary', '');
    out.push(
      table(
        ['Field', 'Value'],
        [['total_events', String(t.total_events)], ['event_types', t.event_types.join(', ')], ['first_event', displayWrittenTime(t.first_event)], ['last_event', displayWrittenTime(t.last_event)]],
      ),
      '',
    );
  }
  if (report.checkpoints.length > 0) {
    out.push('### Checkpoints', '');
    out.push(table(['Checkpoint', 'Name', 'Status', 'Details', 'Time'], report.checkpoints.map((c) => [c.checkpointId ?? '—', c.name ?? '—', c.status ?? '—', c.details ?? '', reportTime(c.ts)])), '');
  }
  if (report.cycles.length > 0) {
    out.push('### Cycles', '');
    out.push(
      table(
        ['Cycle', 'First', 'Last', 'Events', 'Failures', 'Decision'],
        report.cycles.map((c) => [c.cycle === null ? '—' : String(c.cycle), reportTime(c.firstMs), reportTime(c.lastMs), String(c.eventCount), String(c.failureCount), c.decision ?? '—']),
      ),
      '',
    );
  }
  out.push('### Events', '');
  if (report.eventsTruncated) out.push(`Only the first ${report.events.length} of ${report.execution.eventCount} events are listed.`, '');
  out.push(
    table(
      ['Time', 'Kind', 'Status', 'File:line', 'Line (start)'],
      report.events.map((e) => [reportTime(e.ts), e.kind, `${e.status ?? ''}${e.failed ? ' (failed)' : ''}`, `${e.source.path}:${e.source.line}${e.source.gone ? ' (gone)' : ''}`, e.preview]),
    ),
    '',
  );
}

function sideEffects(report: IncidentReport, out: string[]): void {
  const r = report.sideEffects;
  if (r === null) return;
  const matchOf = (effect: SideEffect): string => {
    const pair = r.matched.find((m) => m.observed === effect);
    return pair === undefined ? 'undeclared' : pair.rule === 'exact' ? 'declared' : 'declared (same step and category)';
  };
  const row = (effect: SideEffect, match: string): string[] => [
    effect.stepIndex === null ? '—' : String(effect.stepIndex),
    effect.category,
    effect.description,
    effect.reversible === null ? 'unknown' : effect.reversible ? 'yes' : 'no',
    match,
    JSON.stringify(effect.details) ?? '',
  ];
  const head = ['Step', 'Category', 'Description', 'Reversible', 'Declared', 'Details'];
  out.push('## Side effects', '');
  if (!r.observedReported) {
    out.push(`This record carries no side-effect report: nothing says what was observed (which is not the same as nothing observed). ${r.declared.length} declared.`, '');
    return;
  }
  out.push(
    `${r.observed.length} observed, ${r.declared.length} declared: ${r.matched.length} matched, ${r.undeclared.length} undeclared, ` +
      `${r.unobserved.length} declared but not observed, ${r.irreversible.length} irreversible.`,
    '',
  );
  out.push('### Observed', '', table(head, r.observed.map((effect) => row(effect, matchOf(effect)))), '');
  if (r.unobserved.length > 0) out.push('### Declared but not observed', '', table(head, r.unobserved.map((effect) => row(effect, 'not observed'))), '');
}

function security(report: IncidentReport, out: string[]): void {
  const d = report.securityDiff;
  if (d === null) return;
  out.push('## Security snapshot', '');
  out.push(`State: ${escapeMarkdown(d.stateChange.from ?? '—')} → ${escapeMarkdown(d.stateChange.to ?? '—')} (**${d.stateChange.direction}**)`, '');
  if (d.boundaryChange !== null) out.push(`Boundary: ${escapeMarkdown(d.boundaryChange.from ?? '—')} → ${escapeMarkdown(d.boundaryChange.to ?? '—')} (**${d.boundaryChange.direction}**)`, '');
  if (d.post === null) out.push('No post snapshot: the record was not finished.', '');
  out.push(`Captured ${escapeMarkdown(displayWrittenTime(d.pre?.capturedAt))} (pre) and ${d.post === null ? 'no post snapshot' : escapeMarkdown(displayWrittenTime(d.post.capturedAt))} (post).`, '');
  out.push(
    table(
      ['Field', 'Change', 'Pre', 'Post', 'Added', 'Removed'],
      d.fields.map((f) => [f.field, f.change, jsonText(f.pre), jsonText(f.post), jsonText(f.added), jsonText(f.removed)]),
    ),
    '',
  );
}

function rollback(report: IncidentReport, out: string[]): void {
  const r = report.rollback;
  if (r === null) return;
  const s = r.scaffold;
  const p = r.producerVerdict;
  if (p !== null) {
    out.push("## The producer's rollback verdict", '', `> ${escapeMarkdown(p.producer)}, reproduced from the record as the producer decides it (by status). The producer's word, not the inspector's: the inspector's own evidence-based scaffold follows.`, '');
    out.push(`Rollback possible (producer): **${p.isRollbackPossible ? 'yes' : 'no'}** — ${escapeMarkdown(p.reason === '' ? '(the producer gives no reason for this status)' : p.reason)}`, '');
    if (p.warnings.length > 0) out.push(...p.warnings.map((w) => `- ${escapeMarkdown(w)}`), '');
    if (p.irreversibleSteps.length > 0) out.push(`Irreversible (producer; positions in step_events): ${p.irreversibleSteps.join(', ')}`, '');
    if (p.manualSteps.length > 0) out.push(...p.manualSteps.map((m, index) => `${index + 1}\\. ${escapeMarkdown(m)}`), '');
  }
  out.push("## Rollback scaffold (the inspector's, from the evidence)", '', '> Derived for manual work and never executed. Hints are shown exactly as the plan wrote them.', '');
  out.push(`Rollback possible: **${s.isRollbackPossible ? 'yes' : 'no'}**${s.reason === null ? '' : ` — ${escapeMarkdown(s.reason)}`}`, '');
  out.push(`Irreversible steps: ${s.irreversibleSteps.length === 0 ? 'none' : s.irreversibleSteps.join(', ')}`, '');
  if (s.warnings.length > 0) {
    out.push('### Warnings', '');
    for (const w of s.warnings) out.push(`- \`${w.code}\` ${escapeMarkdown(w.message)}`);
    out.push('');
  }
  out.push('### Manual steps', '');
  if (s.manualSteps.length === 0) out.push('None.', '');
  s.manualSteps.forEach((m, index) => {
    out.push(`${index + 1}\\. Step ${m.stepIndex ?? '—'} (${escapeMarkdown(m.description)}):`, '', fencedBlock(m.action), '');
  });
  out.push('### Hints, verbatim', '');
  if (s.hints.length === 0) out.push('None.', '');
  for (const hint of s.hints) {
    out.push(`**Step ${hint.stepIndex ?? '—'}**: ${escapeMarkdown(hint.description)}`, '', 'Actions:', '');
    for (const action of hint.actions) out.push(fencedBlock(action), '');
    if (hint.risks.length > 0) {
      out.push('Risks:', '');
      for (const risk of hint.risks) out.push(`- ${escapeMarkdown(risk)}`);
      out.push('');
    }
  }
  out.push(`Scaffold hash (what an acknowledgement records): \`${r.scaffoldHash}\``, '');
}

/** A chain verdict in words: `absent` reads as "not present", never as broken. */
function chainWord(chain: 'intact' | 'broken' | 'absent'): string {
  return chain === 'absent' ? 'not present' : chain;
}

function problems(report: IncidentReport, out: string[]): void {
  out.push('## Problems', '');
  if (report.problems.length === 0) {
    out.push('None.', '');
    return;
  }
  out.push(table(['Code', 'Message', 'File:line'], report.problems.map((p) => [p.code, p.message, p.path === null ? '—' : `${p.path}${p.line === null ? '' : `:${p.line}`}`])), '');
  if (report.execution.problemCount > report.problems.length) out.push(`Only the first ${report.problems.length} of ${report.execution.problemCount} problems are listed.`, '');
}

/** The review journal's verdict, notes and acknowledgements on what a report is about (`about`: "this execution", …). */
export function journalSection(excerpt: JournalExcerpt, about: string, out: string[]): void {
  const { verdict, notes, acknowledgements } = excerpt;
  out.push('## Review journal', '', `Journal: ${verdict.state}. ${escapeMarkdown(verdict.statement)}`, '');
  if (notes.length === 0) out.push(`No reviewer notes on ${about}.`, '');
  else {
    out.push(
      table(
        ['Entry', 'Kind', 'Reviewer', 'Time', 'On', 'Note', 'Standing'],
        notes.map((n) => [String(n.seq), n.kind, n.reviewer, displayWrittenTime(n.at), noteTargetText(n), n.text, noteStateText(n)]),
      ),
      '',
    );
  }
  if (acknowledgements.length > 0) {
    out.push(table(['Acknowledged by', 'Time', 'Scaffold hash', 'Note'], acknowledgements.map((a) => [a.reviewer, displayWrittenTime(a.acknowledgedAt), a.scaffoldHash, a.note ?? '—'])), '');
  }
}

/** A Markdown table; every cell is escaped, so callers pass plain text. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((cell) => (cell === '' ? ' ' : escapeMarkdown(cell))).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function jsonText(value: unknown): string {
  return value === undefined ? '' : (JSON.stringify(value) ?? '');
}
