import { z } from 'zod';

/** OTLP's span kinds by their enum number (trace.proto `SpanKind`); the JSON encoding writes the number. */
export const OTLP_SPAN_KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const;

/** OTLP's status codes by their enum number (trace.proto `Status.StatusCode`): 2 is an error. */
export const OTLP_STATUS_CODES = ['UNSET', 'OK', 'ERROR'] as const;

/**
 * One attribute as the inspector keeps it: its key and its AnyValue read into
 * plain JSON (a 64-bit intValue beyond 2^53 stays the decimal string it was
 * written as, bytesValue stays base64 text), so it shows as it was written.
 */
export const otlpAttributeSchema = z.object({ key: z.string(), value: z.unknown() });

/** A span event: a named instant inside the span. */
export const otlpSpanEventSchema = z.object({
  name: z.string(),
  timeMs: z.number().nullable(),
  attributes: z.array(otlpAttributeSchema),
});

/** A link from the span to a span of another (or the same) trace. */
export const otlpSpanLinkSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  attributes: z.array(otlpAttributeSchema),
});

/**
 * One span as read from an OTLP/JSON line: ids lower-cased hex, times both as the
 * nanoseconds written (a decimal string, exact) and as milliseconds, and the
 * resource and instrumentation scope it was exported under.
 */
export const otlpSpanSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  /** Null for a root span (no parentSpanId, or an empty one). */
  parentSpanId: z.string().nullable(),
  name: z.string(),
  /** trace.proto SpanKind number; null when absent or not one of them. */
  kind: z.number().int().nullable(),
  startNs: z.string().nullable(),
  endNs: z.string().nullable(),
  startMs: z.number().nullable(),
  endMs: z.number().nullable(),
  /** trace.proto Status.StatusCode number (0 unset, 1 ok, 2 error). */
  statusCode: z.number().int(),
  statusMessage: z.string().nullable(),
  attributes: z.array(otlpAttributeSchema),
  events: z.array(otlpSpanEventSchema),
  links: z.array(otlpSpanLinkSchema),
  resource: z.array(otlpAttributeSchema),
  scope: z.object({ name: z.string().nullable(), version: z.string().nullable(), attributes: z.array(otlpAttributeSchema) }),
});

/** One span as read from an OTLP/JSON line. */
export type OtlpSpan = z.infer<typeof otlpSpanSchema>;

/** logs.proto SeverityNumber from which a log record is an error (ERROR = 17 … FATAL4 = 24). */
export const OTLP_ERROR_SEVERITY = 17;

/**
 * One log record as read from an OTLP/JSON logs request: the trace and span it
 * names (null when none or unreadable), its time, severity, body and attributes.
 */
export const otlpLogSchema = z.object({
  traceId: z.string().nullable(),
  spanId: z.string().nullable(),
  timeMs: z.number().nullable(),
  severityNumber: z.number().int().nullable(),
  severityText: z.string().nullable(),
  eventName: z.string().nullable(),
  body: z.unknown(),
  attributes: z.array(otlpAttributeSchema),
});

/** One log record as read from an OTLP/JSON line. */
export type OtlpLog = z.infer<typeof otlpLogSchema>;
