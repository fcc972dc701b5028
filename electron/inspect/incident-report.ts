import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNever, type ExecutionFamily } from '../../shared/model/family';
import type { ProducerRollbackVerdict, RollbackScaffold, SecurityDiff, SideEffectReport, TelemetrySummary } from '../../shared/model/inspection';
import type { ExecutionDetail, Step } from './assemble-execution';
import type { CheckpointRow, CycleRow, EventRow, ExecutionRow, ProblemRow } from '../index/queries/execution-facts';
import type { SourceDigest, Verification } from './verify-execution';
import { naiveReadingNote } from '../../shared/model/time-zone-name';
import type { JournalExcerpt, Note } from './journal-notes';
import { displayTime } from '../../shared/model/display-time';
import type { ReportIndexing } from './report-indexing';

/** Report formats: Markdown, one self-contained HTML file, or the report model as JSON. */
export type ReportFormat = 'md' | 'html' | 'json';

/** A source file the report cites, with the lines it cites and its SHA-256 as read when the report was made. */
export interface CitedSource extends SourceDigest {
  readonly lines: readonly number[];
  /** Null when the file has no times without zone; else the producer zone they were read in (null: UTC). */
  readonly naiveTimes: { readonly zone: string | null } | null;
}

/**
 * Everything an incident report says about one execution. The JSON export is
 * this object; Markdown and HTML render it. Log-derived text is kept as
 * written here and escaped only by the renderers.
 */
export interface IncidentReport {
  readonly reportVersion: 1;
  readonly inspector: { readonly name: 'execution-inspector'; readonly version: string };
  readonly generatedAt: string;
  /** The evidence folder's real path on the machine that made the report. */
  readonly folder: string;
  /** Whether the folder was read to its end when the report was made, and what was not. */
  readonly indexing: ReportIndexing;
  readonly execution: ExecutionRow;
  readonly events: readonly EventRow[];
  readonly eventsTruncated: boolean;
  readonly steps: readonly Step[];
  readonly checkpoints: readonly CheckpointRow[];
  readonly cycles: readonly CycleRow[];
  /** Benson PACs only. */
  readonly telemetrySummary: TelemetrySummary | null;
  readonly snapshots: ExecutionDetail['snapshots'];
  /** Records only. */
  readonly sideEffects: SideEffectReport | null;
  /** Records only. */
  readonly securityDiff: SecurityDiff | null;
  /** Records only. */
  readonly verification: Verification | null;
  /** Records only; hints are verbatim and nothing in it was run. */
  readonly rollback: { readonly scaffold: RollbackScaffold; readonly scaffoldHash: string; readonly producerVerdict: ProducerRollbackVerdict | null } | null;
  readonly problems: readonly ProblemRow[];
  readonly sources: readonly CitedSource[];
  /** The review journal's notes on this execution (its steps and events included; deleted ones flagged), its acknowledgements, and the journal's verdict. */
  readonly reviewJournal: JournalExcerpt;
}

/** The parts of a report that depend on the family, already derived by the caller. */
export interface IncidentReportInput {
  readonly version: string;
  readonly generatedAt: Date;
  readonly folder: string;
  readonly indexing: ReportIndexing;
  readonly detail: ExecutionDetail;
  readonly telemetrySummary: TelemetrySummary | null;
  readonly securityDiff: SecurityDiff | null;
  readonly verification: Verification | null;
  readonly rollback: IncidentReport['rollback'];
  readonly sources: readonly CitedSource[];
  readonly reviewJournal: JournalExcerpt;
}

/** Puts a report together from an assembled execution and its derived views. */
export function incidentReport(input: IncidentReportInput): IncidentReport {
  const { detail } = input;
  return {
    reportVersion: 1,
    inspector: { name: 'execution-inspector', version: input.version },
    generatedAt: input.generatedAt.toISOString(),
    folder: input.folder,
    indexing: input.indexing,
    execution: detail.execution,
    events: detail.events,
    eventsTruncated: detail.eventsTruncated,
    steps: detail.steps,
    checkpoints: detail.checkpoints,
    cycles: detail.cycles,
    telemetrySummary: input.telemetrySummary,
    snapshots: detail.snapshots,
    sideEffects: detail.sideEffects,
    securityDiff: input.securityDiff,
    verification: input.verification,
    rollback: input.rollback,
    problems: detail.problems,
    sources: input.sources,
    reviewJournal: input.reviewJournal,
  };
}

/**
 * The inspector's version from package.json, read at run time so a report
 * names the build that made it. Compiled files sit in dist/electron/inspect,
 * three levels below the package root (in the app bundle as in the repo).
 */
export function inspectorVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A file name for a report: `incident-<family>-<key>.<ext>`, the key reduced to [A-Za-z0-9._-]. */
export function reportFilename(family: ExecutionFamily, key: string, format: ReportFormat): string {
  return `${incidentBasename(family, key)}.${format}`;
}

/** A file name for one execution's OpenTelemetry export: `incident-<family>-<key>.otlp.jsonl`, named like its reports. */
export function otlpFilename(family: ExecutionFamily, key: string): string {
  return `${incidentBasename(family, key)}.otlp.jsonl`;
}

function incidentBasename(family: ExecutionFamily, key: string): string {
  // Keys come from logs: anything else (slashes, colons, spaces) becomes "_" and a leading dot cannot hide the file.
  const safe = key.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 120);
  return `incident-${family}-${safe}`;
}

/** The media type of a report format. */
export function reportMediaType(format: ReportFormat): string {
  switch (format) {
    case 'md':
      return 'text/markdown';
    case 'html':
      return 'text/html';
    case 'json':
      return 'application/json';
    default:
      return assertNever(format, 'report format');
  }
}

/** A time for a report, in the app's one format (`2026-03-02 10:02:11.418Z`), or a dash when unknown. */
export function reportTime(ms: number | null): string {
  return displayTime(ms);
}

/** A report's integrity line: a broken record is said to be untrustworthy, not just "broken". */
export function integrityLine(integrity: ExecutionRow['integrity']): string {
  switch (integrity) {
    case 'broken':
      return 'BROKEN: a hash no longer matches the record; it cannot be trusted';
    case 'intact':
      return 'intact: every hash the record carries matches';
    case 'unhashed':
      return 'no hashes: nothing vouches for the record, nothing is broken';
    case 'unchecked':
      return 'not checked yet';
    case 'not_applicable':
      return 'not applicable: this family carries no hashes';
    default:
      return assertNever(integrity, 'integrity');
  }
}

/** A duration for a report: milliseconds, with a readable form for long ones. */
export function reportDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (Math.abs(ms) < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (Math.abs(seconds) < 60) return `${seconds.toFixed(1)} s (${ms} ms)`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${(seconds - minutes * 60).toFixed(1)} s (${ms} ms)`;
}

/** A cited file's "Times without zone" cell: none, or how they were read (UTC, or the reviewer's zone). */
export function naiveTimesText(source: Pick<CitedSource, 'naiveTimes'>): string {
  return source.naiveTimes === null ? 'none' : naiveReadingNote(source.naiveTimes.zone);
}

/** What a note is on, for a report: the execution, a step of it, or an event by its file and line. */
export function noteTargetText(note: Pick<Note, 'target' | 'line'>): string {
  const place = note.line === null ? '' : ` (${note.line.path}:${note.line.line})`;
  if (note.target.eventId !== null) return `event${place}`;
  if (note.target.stepIndex !== null) return `step ${note.target.stepIndex}${place}`;
  return `execution${place}`;
}

/** A note's standing, for a report: deleted or corrected, and whether its target line is still the one it was written on. */
export function noteStateText(note: Note): string {
  const parts: string[] = [];
  if (note.deleted !== null) parts.push(`deleted by ${note.deleted.reviewer} at ${note.deleted.at}${note.deleted.reason === '' ? '' : `: ${note.deleted.reason}`}`);
  if (note.history.length > 0) parts.push(`corrected ${note.history.length} time${note.history.length === 1 ? '' : 's'}`);
  parts.push(note.targetNow === 'matches' ? 'target line unchanged' : note.targetNow === 'changed' ? 'target line changed since' : 'target line no longer indexed');
  return parts.join('; ');
}
