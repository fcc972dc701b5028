import type { ApiResponse } from '../../../../shared/api/contract';
import { OTLP_ERROR_SEVERITY } from '../../../../shared/formats/otlp';
import { Badge } from '../../../components/badge';
import { EmptyState } from '../../../components/empty-state';
import { KeyValueList } from '../../../components/key-value-list';
import { Panel } from '../../../components/panel';
import { RouteLink } from '../../../components/route-link';
import { plainText } from '../../../format/json-text';
import { aiFactRows, spanDurationText, spanKindText, spanStatusText, type SpanView } from '../../../format/otlp-span';
import { formatTimestamp } from '../../../format/time';

/**
 * An OTLP trace: its spans as a tree (each indented under its parent, siblings
 * by start), a span in error marked, an orphan (its parent never written) shown
 * as a root and flagged; each opens to its AI facts, attributes, events, links,
 * the log records that name it, resource and instrumentation scope.
 */
export function OtlpSections({ detail }: { readonly detail: ApiResponse<'getExecution'> }) {
  const spans = detail.spans;
  return (
    <Panel title={`Span tree (${spans.length} ${spans.length === 1 ? 'span' : 'spans'})`}>
      {spans.length === 0 ? (
        <EmptyState title="No spans">This trace has no span the index could place.</EmptyState>
      ) : (
        <ol className="otlp-tree" aria-label="Spans of the trace">
          {spans.map((span) => (
            <SpanItem key={span.eventId} span={span} />
          ))}
        </ol>
      )}
    </Panel>
  );
}

function SpanItem({ span }: { readonly span: SpanView }) {
  const status = spanStatusText(span);
  const ai = aiFactRows(span);
  return (
    <li className={`otlp-span${span.statusCode === 2 ? ' is-failed' : ''}`} style={{ paddingInlineStart: `${span.depth * 1.25}rem` }} data-depth={span.depth}>
      <details>
        <summary>
          <span className="otlp-span-label">{span.label}</span> <Badge tone={status === 'ERROR' ? 'bad' : status === 'OK' ? 'ok' : 'neutral'}>{status}</Badge>{' '}
          {span.orphan && <Badge tone="warn">parent missing</Badge>} <span className="muted">{spanKindText(span.kind)} · {spanDurationText(span)}</span>
        </summary>
        <KeyValueList
          items={[
            ['Name', span.name === '' ? '(unnamed)' : span.name],
            ['Span id', <span key="s" className="mono">{span.spanId}</span>],
            ['Parent span id', <span key="p" className="mono">{span.parentSpanId ?? '— (root)'}</span>],
            ['Start', formatTimestamp(span.startMs)],
            ['End', span.endMs === null ? 'no end written' : formatTimestamp(span.endMs)],
            ['Duration', spanDurationText(span)],
            ...(span.statusMessage !== null ? ([['Status message', <span key="m" className={span.statusCode === 2 ? 'text-bad' : ''}>{span.statusMessage}</span>]] as const) : []),
            ...ai,
            ['Evidence', <RouteLink key="e" to={{ view: 'events', eventId: span.eventId }}>event {span.eventId}</RouteLink>],
          ]}
        />
        <Attributes title="Attributes" attributes={span.attributes} />
        {span.events.length > 0 && (
          <div className="otlp-span-part">
            <h4>Events ({span.events.length})</h4>
            <ul>
              {span.events.map((event, index) => (
                <li key={index}>
                  <span className="mono">{formatTimestamp(event.timeMs)}</span> {event.name === '' ? '(unnamed)' : event.name}
                  <Attributes title={null} attributes={event.attributes} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {span.links.length > 0 && (
          <div className="otlp-span-part">
            <h4>Links ({span.links.length})</h4>
            <ul>
              {span.links.map((link, index) => (
                <li key={index} className="mono">
                  trace {link.traceId || '(invalid)'} span {link.spanId || '(invalid)'}
                  <Attributes title={null} attributes={link.attributes} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {span.logs.length > 0 && (
          <div className="otlp-span-part">
            <h4>Logs ({span.logs.length})</h4>
            <ul>
              {span.logs.map((log) => (
                <li key={log.eventId} className={log.severityNumber !== null && log.severityNumber >= OTLP_ERROR_SEVERITY ? 'text-bad' : ''}>
                  <span className="mono">{formatTimestamp(log.timeMs)}</span> {log.severityText ?? (log.severityNumber !== null ? `severity ${log.severityNumber}` : '')}{' '}
                  {log.eventName !== null && <span className="mono">{log.eventName} </span>}
                  <span className="mono">{plainText(log.body)}</span>{' '}
                  <RouteLink to={{ view: 'events', eventId: log.eventId }}>event {log.eventId}</RouteLink>
                  <Attributes title={null} attributes={log.attributes} />
                </li>
              ))}
            </ul>
          </div>
        )}
        <Attributes title="Resource" attributes={span.resource} />
        <Attributes
          title={`Scope ${span.scope.name ?? '(unnamed)'}${span.scope.version !== null ? ` ${span.scope.version}` : ''}`}
          attributes={span.scope.attributes}
        />
      </details>
    </li>
  );
}

function Attributes({ title, attributes }: { readonly title: string | null; readonly attributes: SpanView['attributes'] }) {
  if (attributes.length === 0) return title === null ? null : <p className="muted otlp-span-part">{title}: none</p>;
  return (
    <div className="otlp-span-part">
      {title !== null && <h4>{title}</h4>}
      <dl className="kv otlp-attributes">
        {attributes.map((attribute, index) => (
          <div className="kv-item" key={`${attribute.key}\u0000${index}`}>
            <dt className="mono">{attribute.key}</dt>
            <dd className="mono">{plainText(attribute.value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
