import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { sourceDigestSchema, verificationSchema } from '../../shared/api/views';
import type { ChainVerdict } from '../../shared/model/inspection';
import { isInsideFolder } from '../index/index-location';
import type { RecordAssembly } from './assemble-execution';
import type { StoredSource } from '../index/queries/execution-facts';
import { integrityStatement } from '../integrity/document-integrity';

/** The hash-chain verdict of one record execution, as the API answers verifyExecution. */
export type Verification = z.infer<typeof verificationSchema>;

/** A source file's SHA-256 as read now. */
export type SourceDigest = z.infer<typeof sourceDigestSchema>;

/**
 * Combines a record execution's chains and its document's execution_hash into
 * one verdict. The overall chain is broken when either chain is, and `absent`
 * only when no chain carries a stored hash; the first break is reported from
 * the stream first, since that is what was seen while running. The document's
 * hashes are checked by documentIntegrity, which names the rule and what it covers.
 */
export function verifyRecord(executionId: string, record: Pick<RecordAssembly, 'chains' | 'documentIntegrity'>, sources: readonly SourceDigest[]): Verification {
  const { stream, document } = record.chains;
  const present = [stream, document].filter((verdict): verdict is ChainVerdict => verdict !== null);
  const broken = present.find((verdict) => verdict.chain === 'broken');
  const integrity = record.documentIntegrity;
  const chain: Verification['chain'] = broken !== undefined ? 'broken' : present.length > 0 && present.every((verdict) => verdict.chain === 'absent') ? 'absent' : 'intact';
  const statementParts: string[] = [];
  if (stream !== null) statementParts.push(streamStatement(stream));
  if (integrity !== null) statementParts.push(integrityStatement(integrity));
  return {
    executionId,
    stream,
    document,
    chain,
    brokenAt: broken?.brokenAt ?? null,
    brokenIn: broken === undefined ? null : broken === stream ? 'stream' : 'document',
    reason: broken?.reason ?? null,
    expected: broken?.expected ?? null,
    computed: broken?.computed ?? null,
    executionHash: integrity?.executionHash ?? 'absent',
    executionHashExpected: integrity?.executionHashExpected ?? null,
    executionHashComputed: integrity?.executionHashComputed ?? null,
    executionHashRule: integrity?.executionHashRule ?? null,
    executionHashCovers: [...(integrity?.covers ?? [])],
    executionHashNotCovered: [...(integrity?.notCovered ?? [])],
    statement: statementParts.join(' '),
    sources: [...sources],
  };
}

function streamStatement(stream: ChainVerdict): string {
  if (stream.chain === 'broken') return `Observer stream chain broken at stream step event ${stream.brokenAt ?? '?'} (${stream.reason ?? 'unknown reason'}).${STREAM_NOT_COVERED}`;
  if (stream.chain === 'absent') return `Observer stream: no step hashes present (${stream.length} step events).${STREAM_NOT_COVERED}`;
  return `Observer stream chain intact over ${stream.length} step events (formats.md rule).${STREAM_NOT_COVERED}`;
}

/**
 * What no hash of a stream covers: its chain links step events only. A
 * side_effect line taken out of the stream (an undeclared grant, say) leaves
 * every verdict as it was, so the statement says so beside each stream verdict.
 */
const STREAM_NOT_COVERED = ' Not covered by the stream\'s chain: its side_effect, execution_started and execution_finished lines, which carry no hash.';

/**
 * Hashes source files as they are on disk now, so a reviewer can check that
 * the bytes a verdict was drawn from are the bytes in front of them. Paths
 * come from the index only and must stay inside the folder; a file the index
 * knows to be gone is not looked for, since a new file at its old path is
 * another file. A digest is reused only while the file's device, inode, size,
 * mtime and ctime are all unchanged: ctime cannot be set back from user space,
 * so any write since the last read forces a new read, while verifying many
 * executions of one large file reads it once.
 */
export class SourceDigester {
  private readonly cache = new Map<string, { readonly stamp: string; readonly digest: SourceDigest }>();

  constructor(
    private readonly folder: string,
    private readonly maxCached = 10_000,
  ) {}

  /** The digests of `sources`, in the order given. */
  async digest(sources: readonly StoredSource[]): Promise<SourceDigest[]> {
    const digests: SourceDigest[] = [];
    for (const source of sources) digests.push(await this.digestOne(source));
    return digests;
  }

  private async digestOne(source: StoredSource): Promise<SourceDigest> {
    const failed = (error: string): SourceDigest => ({ path: source.path, sha256: null, size: null, error });
    if (source.state === 'gone') return failed('the file is gone from the folder');
    const absolute = join(this.folder, ...source.path.split('/'));
    if (!isInsideFolder(this.folder, absolute)) return failed('the indexed path is outside the folder');
    try {
      const handle = await open(absolute, 'r');
      try {
        const before = await handle.stat({ bigint: true });
        if (!before.isFile()) return failed('not a regular file');
        const stamp = `${before.dev}:${before.ino}:${before.size}:${before.mtimeNs}:${before.ctimeNs}`;
        const cached = this.cache.get(absolute);
        if (cached !== undefined && cached.stamp === stamp) return cached.digest;
        const hash = createHash('sha256');
        let size = 0;
        for await (const chunk of handle.createReadStream({ autoClose: false })) {
          const bytes = chunk as Buffer;
          hash.update(bytes);
          size += bytes.length;
        }
        const digest: SourceDigest = { path: source.path, sha256: hash.digest('hex'), size, error: null };
        const after = await handle.stat({ bigint: true });
        // A file still being written is hashed as read but not remembered, and neither is one changed in the
        // last seconds: file times tick coarsely, so a second write in the same tick would keep the stamp ("racy git").
        const settled = Date.now() - Number(before.ctimeNs / 1_000_000n) > RACY_WINDOW_MS;
        if (settled && `${after.dev}:${after.ino}:${after.size}:${after.mtimeNs}:${after.ctimeNs}` === stamp) this.remember(absolute, stamp, digest);
        return digest;
      } finally {
        await handle.close();
      }
    } catch (error) {
      return failed(describeError(error));
    }
  }

  private remember(absolute: string, stamp: string, digest: SourceDigest): void {
    this.cache.delete(absolute);
    if (this.cache.size >= this.maxCached) {
      const oldest = this.cache.keys().next();
      if (oldest.done !== true) this.cache.delete(oldest.value);
    }
    this.cache.set(absolute, { stamp, digest });
  }
}

const RACY_WINDOW_MS = 3_000;

function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'the file no longer exists';
  if (code === 'EACCES' || code === 'EPERM') return 'the file cannot be read (permission denied)';
  return error instanceof Error ? error.message : String(error);
}
