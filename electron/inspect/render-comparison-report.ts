import { assertNever } from '../../shared/model/family';
import type { ComparisonReport } from './comparison-report';
import { reportMediaType, type ReportFormat } from './incident-report';
import { renderComparisonHtml } from './render-comparison-html';
import { renderComparisonMarkdown } from './render-comparison-markdown';

/** A file name for a comparison report: `compare-<a>-<b>.<ext>`, the ids reduced to [A-Za-z0-9._-]. */
export function comparisonFilename(a: string, b: string, format: ReportFormat): string {
  const safe = (id: string): string => id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 80);
  return `compare-${safe(a)}-${safe(b)}.${format}`;
}

/** The report rendered in a format, as exportComparisonReport answers it. */
export function renderComparisonReport(report: ComparisonReport, format: ReportFormat): { filename: string; mediaType: string; content: string } {
  const filename = comparisonFilename(report.comparison.a.id, report.comparison.b.id, format);
  return { filename, mediaType: reportMediaType(format), content: renderContent(report, format) };
}

function renderContent(report: ComparisonReport, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderComparisonMarkdown(report);
    case 'html':
      return renderComparisonHtml(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    default:
      return assertNever(format, 'report format');
  }
}

