import type { ComparedSnapshotField } from '../../shared/model/comparison';
import { deltaText, reportedSteps, stepOutcomeText, verdictText, type ComparisonReport } from './comparison-report';
import { reportDuration } from './incident-report';
import { escapeMarkdown, fencedBlock, journalSection, table } from './render-report-markdown';
import type { SourceDigest } from './verify-execution';

/** Renders a comparison report as Markdown: tables for lists, fenced blocks for the raw evidence lines. */
export function renderComparisonMarkdown(report: ComparisonReport): string {
  const c = report.comparison;
  const out: string[] = [];
  out.push(`# Comparison: ${escapeMarkdown(c.a.id)} and ${escapeMarkdown(c.b.id)}`, '');
  out.push(
    `Generated ${escapeMarkdown(report.generatedAt)} by Execution Inspector ${escapeMarkdown(report.inspector.version)} from ${escapeMarkdown(report.folder)}. ` +
      'The inspector only reads the evidence; nothing in this report was executed.',
    '',
  );
  if (report.indexing.statement !== null) out.push(`**Incomplete index.** ${escapeMarkdown(report.indexing.statement)}`, '');
  out.push(escapeMarkdown(verdictText(c)), '');
  out.push(
    table(
      ['', 'Run A', 'Run B'],
      [
        ['Execution', c.a.id, c.b.id],
        ['Status', `${c.a.status ?? '—'} (${c.a.outcome})`, `${c.b.status ?? '—'} (${c.b.outcome})`],
        ['Plan', c.a.planId ?? '—', c.b.planId ?? '—'],
        ['Duration', reportDuration(c.a.durationMs), reportDuration(c.b.durationMs)],
      ],
    ),
    '',
  );
  out.push(
    `Steps aligned by ${escapeMarkdown(c.alignedBy)}: ${c.counts.aligned} aligned (${c.counts.different} different), ${c.counts.onlyInA} only in run A, ${c.counts.onlyInB} only in run B.`,
    '',
  );
  if (c.truncated) out.push('A run had more events than a comparison reads: only its first events were compared.', '');
  if (c.firstDivergence !== null) {
    out.push('## First divergence', '', `${escapeMarkdown(c.firstDivergence.label)}: ${escapeMarkdown(c.firstDivergence.reasons.join('; '))}`, '');
    for (const [name, lines] of [['Run A', c.evidence.a], ['Run B', c.evidence.b]] as const) {
      out.push(`### ${name} evidence`, '');
      if (lines.length === 0) out.push('No line: the step is not in this run.', '');
      for (const line of lines) out.push(`${escapeMarkdown(line.path)}:${line.line}`, '', fencedBlock(line.raw), '');
    }
  }
  const { steps, onlyDifferent } = reportedSteps(c);
  out.push('## Steps', '');
  if (onlyDifferent) out.push(`${c.steps.length} steps: only the ${steps.length} that differ are listed (the JSON report has all).`, '');
  out.push(
    table(
      ['Step', 'Run A', 'Run B', 'Duration A', 'Duration B', 'Delta', 'Differs'],
      steps.map((step) => [
        step.label,
        stepOutcomeText(step.a),
        stepOutcomeText(step.b),
        reportDuration(step.a?.durationMs ?? null),
        reportDuration(step.b?.durationMs ?? null),
        deltaText(step.durationDeltaMs),
        step.differences.join(', '),
      ]),
    ),
    '',
  );
  snapshots('before', c.snapshots.pre, out);
  snapshots('after', c.snapshots.post, out);
  journalSection(report.reviewJournal, 'either run', out);
  out.push('## Sources', '', 'Each run\'s files as read when this report was made.', '');
  out.push(table(['Run', 'File', 'SHA-256', 'Bytes'], [...sourceRows('A', report.sources.a), ...sourceRows('B', report.sources.b)]), '');
  return `${out.join('\n')}\n`;
}

function snapshots(when: string, fields: readonly ComparedSnapshotField[], out: string[]): void {
  if (fields.length === 0) return;
  out.push(`## Security snapshot ${when}`, '');
  out.push(table(['Field', 'Run A', 'Run B', 'Change'], fields.map((f) => [f.field, jsonText(f.a), jsonText(f.b), f.counts ? f.change : `${f.change} (not compared)`])), '');
}

function sourceRows(run: string, sources: readonly SourceDigest[]): string[][] {
  return sources.map((s) => [run, s.path, s.sha256 ?? `unreadable: ${s.error ?? 'unknown'}`, s.size === null ? '—' : String(s.size)]);
}

function jsonText(value: unknown): string {
  return value === undefined ? '(absent)' : (JSON.stringify(value) ?? '');
}
