import { z } from 'zod';
import { parseExecutionId } from '../model/execution-id';
import { isTimeZoneName, MAX_TIME_ZONE_NAME_LENGTH } from '../model/time-zone-name';

/** An execution named as `<family>:<key>`; the only way a request can point at an execution. */
export const executionIdSchema = z
  .string()
  .min(3)
  .max(2000)
  .refine((id) => parseExecutionId(id) !== null, { message: 'an execution id is "<family>:<key>" with a known family' });

/** An indexed event's id. */
export const eventIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** An indexed problem's id, as `listProblems` gave it. */
export const problemIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Free text typed by a reviewer (filters, search): bounded so no request can be huge. */
export const filterTextSchema = z.string().max(1000);

/** An opaque keyset cursor returned by a previous page. */
export const cursorSchema = z.string().max(2000);

/** Page size; lists are paged, never returned whole. */
export const limitSchema = z.number().int().min(1).max(500);

/** A time in UTC milliseconds since the epoch. */
export const epochMsSchema = z.number().int().min(-8.64e15).max(8.64e15);

/** `{ id }`, the request of every per-execution method. */
export const byExecutionSchema = z.object({ id: executionIdSchema }).strict();

/** The opaque id of a recent folder (16 lowercase hex digits), as `listRecentFolders` gave it. */
export const recentFolderIdSchema = z.string().regex(/^[0-9a-f]{16}$/, { message: 'a recent folder id is 16 hex digits from listRecentFolders' });

/** A source's id, as `listSources` gave it: the page names files by id, never by path. */
export const sourceIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** An IANA time zone name the runtime knows (`Asia/Kolkata`, `UTC`); offsets and unknown names are refused. */
export const timeZoneNameSchema = z
  .string()
  .max(MAX_TIME_ZONE_NAME_LENGTH)
  .refine(isTimeZoneName, { message: 'not a known IANA time zone name (such as Asia/Kolkata or America/New_York)' });
