import { z } from 'zod';

/** The statuses the exec-event contract allows (formats.md §1). */
export const EXEC_STATUSES = ['success', 'failed'] as const;

/** workflow-executor's non-terminal status, emitted before each adapter call (producers.md): neither terminal nor a failure. */
export const EXEC_STARTED_STATUS = 'started';

/** The only keys an exec-event may carry; anything else is a forbidden field. */
export const EXEC_EVENT_FIELDS = ['trace_id', 'action_type', 'adapter', 'status', 'product', 'timestamp', 'error_code'] as const;

/**
 * An executor terminal event (formats.md §1).
 * `trace_id` is optional and nullable because an empty or missing trace id is
 * legal: such events group under a synthetic per-product execution. `status` is
 * any string here so that an unknown status is reported as `exec.invalid_status`,
 * not as a type error.
 */
export const execEventSchema = z.looseObject({
  trace_id: z.string().nullish(),
  action_type: z.string(),
  adapter: z.string(),
  status: z.string(),
  product: z.string(),
  timestamp: z.string(),
  error_code: z.string().nullish(),
});

/** A parsed exec-event. */
export type ExecEvent = z.infer<typeof execEventSchema>;
