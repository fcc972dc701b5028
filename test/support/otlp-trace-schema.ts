import { z } from 'zod';

/**
 * OTLP/JSON traces as opentelemetry-proto defines them (trace/v1/trace.proto,
 * common/v1/common.proto, resource/v1/resource.proto) with the OTLP/JSON
 * encoding rules: lowerCamelCase names, ids as lowercase hex of 16 and 8 bytes,
 * 64-bit integers as decimal strings, enums as integers. Strict: an unknown or
 * misspelled field fails, so an export that a receiver would silently drop
 * parts of fails here.
 */
const uint64String = z.string().regex(/^(0|[1-9][0-9]{0,19})$/, 'a fixed64 as a decimal string');
const int64String = z.string().regex(/^-?(0|[1-9][0-9]{0,18})$/, 'an int64 as a decimal string');
const traceId = z.string().regex(/^[0-9a-f]{32}$/).refine((id) => !/^0+$/.test(id), 'an all-zero trace id is invalid');
const spanId = z.string().regex(/^[0-9a-f]{16}$/).refine((id) => !/^0+$/.test(id), 'an all-zero span id is invalid');

type AnyValue = { stringValue: string } | { boolValue: boolean } | { intValue: string } | { doubleValue: number } | { arrayValue: { values: AnyValue[] } } | { kvlistValue: { values: KeyValue[] } } | { bytesValue: string };
type KeyValue = { key: string; value: AnyValue };

const anyValue: z.ZodType<AnyValue> = z.lazy(() =>
  z.union([
    z.object({ stringValue: z.string() }).strict(),
    z.object({ boolValue: z.boolean() }).strict(),
    z.object({ intValue: int64String }).strict(),
    z.object({ doubleValue: z.number() }).strict(),
    z.object({ arrayValue: z.object({ values: z.array(anyValue) }).strict() }).strict(),
    z.object({ kvlistValue: z.object({ values: z.array(keyValue) }).strict() }).strict(),
    z.object({ bytesValue: z.string().base64() }).strict(),
  ]),
);
const keyValue: z.ZodType<KeyValue> = z.lazy(() => z.object({ key: z.string().min(1), value: anyValue }).strict());
const attributes = z.array(keyValue);

const spanEvent = z.object({ timeUnixNano: uint64String, name: z.string(), attributes: attributes.optional(), droppedAttributesCount: z.number().int().nonnegative().optional() }).strict();
const link = z.object({ traceId, spanId, traceState: z.string().optional(), attributes: attributes.optional(), droppedAttributesCount: z.number().int().optional(), flags: z.number().int().optional() }).strict();

/** `Span`; kind 0–5 (SPAN_KIND_UNSPECIFIED … CONSUMER), status code 0–2 (UNSET, OK, ERROR). */
export const otlpSpanSchema = z
  .object({
    traceId,
    spanId,
    traceState: z.string().optional(),
    parentSpanId: spanId.optional(),
    flags: z.number().int().nonnegative().optional(),
    name: z.string(),
    kind: z.number().int().min(0).max(5).optional(),
    startTimeUnixNano: uint64String,
    endTimeUnixNano: uint64String,
    attributes: attributes.optional(),
    droppedAttributesCount: z.number().int().nonnegative().optional(),
    events: z.array(spanEvent).optional(),
    droppedEventsCount: z.number().int().nonnegative().optional(),
    links: z.array(link).optional(),
    droppedLinksCount: z.number().int().nonnegative().optional(),
    status: z.object({ message: z.string().optional(), code: z.number().int().min(0).max(2).optional() }).strict().optional(),
  })
  .strict()
  .refine((span) => BigInt(span.endTimeUnixNano) >= BigInt(span.startTimeUnixNano), 'a span ends no earlier than it starts');

/** `ExportTraceServiceRequest` (the same shape as `TracesData`). */
export const otlpTraceRequestSchema = z
  .object({
    resourceSpans: z.array(
      z
        .object({
          resource: z.object({ attributes: attributes.optional(), droppedAttributesCount: z.number().int().optional() }).strict().optional(),
          scopeSpans: z.array(
            z
              .object({
                scope: z.object({ name: z.string().optional(), version: z.string().optional(), attributes: attributes.optional(), droppedAttributesCount: z.number().int().optional() }).strict().optional(),
                spans: z.array(otlpSpanSchema),
                schemaUrl: z.string().optional(),
              })
              .strict(),
          ),
          schemaUrl: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** A parsed OTLP/JSON trace request. */
export type OtlpTraceRequest = z.infer<typeof otlpTraceRequestSchema>;
/** A parsed OTLP span. */
export type OtlpSpan = z.infer<typeof otlpSpanSchema>;

/** An attribute's value as text (the kinds an export writes), or undefined when absent. */
export function attributeOf(list: readonly KeyValue[] | undefined, key: string): string | boolean | undefined {
  const value = list?.find((kv) => kv.key === key)?.value;
  if (value === undefined) return undefined;
  if ('stringValue' in value) return value.stringValue;
  if ('intValue' in value) return value.intValue;
  if ('boolValue' in value) return value.boolValue;
  return JSON.stringify(value);
}
