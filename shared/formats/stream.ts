import { z } from 'zod';

/** The event types of a mission execution stream (formats.md §4). */
export const STREAM_EVENT_TYPES = ['navigation', 'extraction', 'signal', 'status'] as const;

/** The states a `status` event may report. */
export const STREAM_STATES = ['started', 'running', 'completed', 'failed'] as const;

/** The states Buddy's emitter writes as `payload.status` (producers.md), with a `reason`. */
export const BUDDY_STREAM_STATES = ['proposed', 'active', 'completed', 'failed'] as const;

/**
 * The payload of a stream event. `state` (formats.md) or `status` (Buddy) and
 * `level` are plain strings so that an unknown state gets its own problem code
 * instead of a type error.
 */
export const streamPayloadSchema = z.looseObject({
  state: z.string().optional(),
  status: z.string().optional(),
  reason: z.string().nullish(),
  level: z.string().optional(),
});

/** One line of a mission execution stream (formats.md §4). */
export const streamEventSchema = z.looseObject({
  timestamp: z.string(),
  mission_id: z.string().min(1),
  event_type: z.string(),
  payload: streamPayloadSchema,
});

/** The payload of a parsed stream event. */
export type StreamPayload = z.infer<typeof streamPayloadSchema>;

/** A parsed stream event. */
export type StreamEvent = z.infer<typeof streamEventSchema>;
