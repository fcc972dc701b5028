import { z } from 'zod';

/** The value that stands for a redacted field (the other form is a hash string). */
export const REDACTED_LITERAL = 'REDACTED';

/** The decisions a `review.decision` event may carry (formats.md §3). */
export const CYCLE_REVIEW_DECISIONS = ['accept', 'revise', 'abort'] as const;

/**
 * The payload of a cycle envelope. Only the fields the inspector reads are
 * typed; any `module.action` event may carry anything else.
 */
export const cyclePayloadSchema = z.looseObject({
  redacted_fields: z.array(z.string()).optional(),
  status: z.string().nullish(),
  exit_code: z.number().int().nullish(),
  exception: z.string().nullish(),
  handled: z.boolean().nullish(),
  decision: z.string().nullish(),
});

/** An autonomous improvement-cycle envelope (formats.md §3). */
export const cycleEnvelopeSchema = z.looseObject({
  schema_version: z.string().optional(),
  timestamp: z.string(),
  source: z.string().nullish(),
  run_id: z.string().min(1),
  cycle: z.number().int().min(1),
  event: z.string().min(1),
  payload: cyclePayloadSchema.optional(),
  tags: z.looseObject({}).optional(),
});

/** The payload of a parsed cycle envelope. */
export type CyclePayload = z.infer<typeof cyclePayloadSchema>;

/** A parsed cycle envelope. */
export type CycleEnvelope = z.infer<typeof cycleEnvelopeSchema>;
