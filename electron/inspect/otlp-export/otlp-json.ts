/**
 * The OTLP/JSON shapes an export writes (opentelemetry-proto `trace/v1/trace.proto`,
 * `common/v1/common.proto`, `resource/v1/resource.proto`, with the OTLP/JSON
 * encoding: lowerCamelCase field names, trace and span ids as lowercase hex,
 * 64-bit integers as decimal strings, enums as integers).
 */

/** An attribute value; only the kinds an export writes. */
export type OtlpAnyValue = { readonly stringValue: string } | { readonly intValue: string } | { readonly boolValue: boolean };

/** One attribute. */
export interface OtlpKeyValue {
  readonly key: string;
  readonly value: OtlpAnyValue;
}

/** `Span.Event`. */
export interface OtlpSpanEvent {
  readonly timeUnixNano: string;
  readonly name: string;
  readonly attributes: readonly OtlpKeyValue[];
}

/** `Status`: code 0 unset, 1 ok, 2 error. */
export interface OtlpStatus {
  readonly code: 0 | 1 | 2;
  readonly message?: string;
}

/** An OTLP `Span` as the export writes it (the reader's own is `OtlpSpan` in shared/formats/otlp.ts). */
export interface ExportedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  /** SPAN_KIND_INTERNAL: an export says nothing about remote calls it cannot see. */
  readonly kind: 1;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly attributes: readonly OtlpKeyValue[];
  readonly events: readonly OtlpSpanEvent[];
  readonly status: OtlpStatus;
}

/** `ResourceSpans`: one execution's spans, under the resource and scope that say where they came from. */
export interface OtlpResourceSpans {
  readonly resource: { readonly attributes: readonly OtlpKeyValue[] };
  readonly scopeSpans: readonly { readonly scope: { readonly name: string; readonly version: string }; readonly spans: readonly ExportedSpan[] }[];
}

/** `ExportTraceServiceRequest`, the object each line of an OTLP/JSON file holds. */
export interface OtlpTraceRequest {
  readonly resourceSpans: readonly OtlpResourceSpans[];
}

/** A string attribute. */
export function stringAttribute(key: string, value: string): OtlpKeyValue {
  return { key, value: { stringValue: value } };
}

/** An integer attribute (int64: a decimal string in OTLP/JSON). */
export function intAttribute(key: string, value: number): OtlpKeyValue {
  return { key, value: { intValue: String(Math.trunc(value)) } };
}

/** A boolean attribute. */
export function boolAttribute(key: string, value: boolean): OtlpKeyValue {
  return { key, value: { boolValue: value } };
}

/** Epoch milliseconds (fractions kept to the microsecond) as OTLP's fixed64 nanoseconds, a decimal string. */
export function unixNano(ms: number): string {
  return (BigInt(Math.round(ms * 1000)) * 1000n).toString();
}
