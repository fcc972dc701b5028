import { lstat, readdir, readFile, type FileHandle } from 'node:fs/promises';
import { basename, join, posix } from 'node:path';
import type { LineProblem, ProblemCode } from '../../shared/model/problem-code';
import type { IndexWriter, PendingEvent, PendingProblem, SourceProgress } from '../index/index-writer';
import type { SourceKind, SourceRow } from '../index/source-row';
import { classifyByName, sniffJsonLines } from './classify-file';
import { eventLabel } from './event-label';
import { lineToEvent } from './line-to-event';
import { HEAD_BYTES, readContent, readHead, sha256Hex } from './read-content';
import { LineSplitter, type PendingTail, type SplitLine } from './split-lines';
import { TailHandles } from './tail-handles';
import { originalPath } from '../index/index-writer';

/** Tunables of the reader; the defaults are what the app uses. */
export interface IngestOptions {
  /** Lines longer than this are reported and skipped, never buffered. */
  readonly maxLineBytes: number;
  /** Events per transaction. */
  readonly batchEvents: number;
  /** A `.json` file larger than this is read as JSON lines rather than parsed whole. */
  readonly maxDocumentBytes: number;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = { maxLineBytes: 1 << 20, batchEvents: 4000, maxDocumentBytes: 64 << 20 };

/** How far a scan has got, for progress bars; a scan ends `done`, or `cancelled` when stopped by `cancel()`. */
export interface IngestProgress {
  readonly phase: 'discovering' | 'indexing' | 'done' | 'cancelled';
  readonly filesTotal: number;
  readonly filesDone: number;
  readonly bytesTotal: number;
  readonly bytesDone: number;
  readonly events: number;
  readonly problems: number;
}

/** What the ingest tells its owner as it goes. */
export interface IngestListener {
  onProgress?(progress: IngestProgress): void;
  /** Called after every committed batch: the index changed. */
  onCommit?(eventsAdded: number): void;
}

interface FileInfo {
  readonly rel: string;
  readonly abs: string;
  readonly identity: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly symlink: boolean;
}

interface ReadTask {
  readonly sourceId: number;
  readonly file: FileInfo;
}

const SNIFF_BYTES = 64 * 1024;
const PROGRESS_INTERVAL_MS = 100;

/**
 * Reads a folder into the index: reconciles what is on disk with what the index
 * knows (new, grown, shrunk, replaced, renamed, rotated, compressed, deleted
 * files), then reads only the bytes not yet indexed. The folder is only ever read.
 */
export class Ingestor {
  private events: PendingEvent[] = [];
  private problems: PendingProblem[] = [];
  private progress = new Map<number, SourceProgress>();
  private stats = { filesTotal: 0, filesDone: 0, bytesTotal: 0, bytesDone: 0, events: 0, problems: 0 };
  private lastProgressAt = 0;
  private cancelled = false;
  /** Whether a scan has once run to its end: until then every scan is a full one. */
  private completedOnce = false;
  private readonly tails = new TailHandles();

  constructor(
    private readonly folder: string,
    private readonly writer: IndexWriter,
    private readonly options: IngestOptions = DEFAULT_INGEST_OPTIONS,
    private readonly listener: IngestListener = {},
  ) {}

  /** Closes the files held open for tailing. */
  async close(): Promise<void> {
    await this.tails.closeAll();
  }

  /** Stops the current scan at the next line boundary; what was committed stays. */
  cancel(): void {
    this.cancelled = true;
  }

  /**
   * Reconciles the given directories (relative, '' is the root) and reads every
   * file in them that has unread bytes. `final` is a one-shot index: final lines
   * without a newline are settled now instead of waiting for their newline.
   */
  async scan(dirs: Iterable<string>, final: boolean): Promise<IngestProgress> {
    this.cancelled = false;
    this.stats = { filesTotal: 0, filesDone: 0, bytesTotal: 0, bytesDone: 0, events: 0, problems: 0 };
    this.report('discovering', true);
    const tasks = new Map<number, ReadTask>();
    for (const dir of [...(await this.scope(dirs, final))].sort()) {
      for (const task of await this.reconcileDirectory(dir, final)) tasks.set(task.sourceId, task);
    }
    this.stats.filesTotal = tasks.size;
    for (const task of tasks.values()) this.stats.bytesTotal += Math.max(0, task.file.size - this.writer.sourceAt(task.file.rel)!.offset);
    this.report('indexing', true);
    for (const task of tasks.values()) {
      if (this.cancelled) break;
      await this.readTask(task, final);
      this.stats.filesDone++;
      this.report('indexing', false);
    }
    this.flush();
    if (!this.cancelled) this.completedOnce = true;
    const phase = this.cancelled ? 'cancelled' : 'done';
    this.report(phase, true);
    return { phase, ...this.stats };
  }

  /**
   * Which directories a scan reconciles. A one-shot index and the first complete
   * scan cover every directory the index knows (one may have vanished); after that,
   * a watcher's scan covers only the directories that changed, and everything
   * under one that no longer exists: a rescan of ten thousand files per appended
   * line would make live tailing take seconds.
   */
  private async scope(dirs: Iterable<string>, final: boolean): Promise<ReadonlySet<string>> {
    const given = new Set(dirs);
    if (final || !this.completedOnce) return new Set([...given, ...this.writer.liveDirectories()]);
    const scoped = new Set(given);
    // Read only when a directory vanished: it is every source's directory, and most scans need none of it.
    let live: string[] | null = null;
    for (const dir of given) {
      if (await exists(join(this.folder, dir))) continue;
      live ??= this.writer.liveDirectories();
      for (const known of live) if (dir === '' || known.startsWith(`${dir}/`)) scoped.add(known);
    }
    return scoped;
  }

  // ---- reconciling what is on disk with what the index knows ------------------------------

  /**
   * Three passes, so that the order of names does not matter (rotation chains
   * shift every path at once, and inode numbers are reused):
   * 1. detach every source whose path no longer holds its file;
   * 2. match each file to its source: same path and identity, or a detached,
   *    moved or gone source whose first bytes it starts with (rename, rotation,
   *    compression); otherwise it is new;
   * 3. a detached source nothing continued is replaced (a different file now has
   *    its name: its events go) or gone (its events stay, flagged).
   */
  private async reconcileDirectory(dir: string, final: boolean): Promise<ReadTask[]> {
    const files = await this.listFiles(dir);
    const byPath = new Map(files.map((f) => [f.rel, f]));
    const detached = new Map<number, string>();
    for (const source of this.writer.sourcesInDir(dir)) {
      if (source.state === 'gone' || source.kind === 'skipped') continue;
      const file = byPath.get(source.path);
      if (file && file.identity === source.identity && !file.symlink) continue;
      detached.set(source.id, source.path);
      this.writer.displaceSource(source);
    }
    const tasks: ReadTask[] = [];
    for (const file of files) {
      const existing = this.writer.sourceAt(file.rel);
      if (file.symlink) {
        if (!existing) this.createSkipped(file, 'symbolic link (not followed: it may point outside the evidence folder)');
        continue;
      }
      if (existing && existing.kind === 'skipped') {
        const changed = existing.identity !== file.identity || existing.size !== file.size || existing.mtime_ms !== file.mtimeMs;
        const task = changed ? await this.classifyInto(existing.id, file) : null;
        if (task) tasks.push(task);
        continue;
      }
      if (existing) {
        const task = await this.refreshSame(existing, file, final);
        if (task) tasks.push(task);
        continue;
      }
      const predecessor = await this.findPredecessor(dir, file);
      if (predecessor) {
        detached.delete(predecessor.id);
        const gzip = this.isGzip(file.rel);
        this.writer.moveSource(predecessor.id, file.rel, dir);
        this.writer.updateSource(predecessor.id, {
          state: 'active', kind: gzip ? 'gzip' : predecessor.kind, identity: file.identity, size: gzip ? 0 : predecessor.size,
        });
        tasks.push({ sourceId: predecessor.id, file });
        continue;
      }
      const id = this.writer.createSource({
        path: file.rel, dir, kind: 'skipped', state: 'skipped', reason: null, identity: file.identity, size: 0, mtime_ms: 0, head_hash: null, head_len: 0,
      });
      const task = await this.classifyInto(id, file);
      if (task) tasks.push(task);
    }
    for (const [id, path] of detached) {
      const source = this.writer.sourceById(id);
      if (!source || source.state === 'gone' || source.dir !== dir) continue;
      if (byPath.has(path)) {
        await this.tails.release(id);
        this.writer.resetSource(id);
        this.writer.deleteSource(id);
      } else {
        await this.drainVanished(source);
        this.writer.markGone(this.writer.sourceById(id) ?? source);
      }
    }
    return tasks;
  }

  /**
   * A file that left its path while it was being tailed: what was written before it
   * went is still readable through the held handle, so read it to the end (its last
   * line will never get a newline now) before the source is marked gone.
   */
  private async drainVanished(source: SourceRow): Promise<void> {
    const handle = this.tails.held(source.id);
    if (handle === null || source.kind !== 'lines') return;
    try {
      const st = await handle.stat();
      if (st.size > source.offset || source.pending_bytes > 0) {
        const rel = originalPath(source.path);
        const file: FileInfo = { rel, abs: join(this.folder, rel), identity: source.identity ?? '', size: st.size, mtimeMs: st.mtimeMs, symlink: false };
        await this.readLines({ ...source, path: rel }, file, true, handle);
      }
    } catch (error) {
      if (errorCode(error)?.startsWith('SQLITE_')) throw error;
    } finally {
      await this.tails.release(source.id);
    }
  }

  private async listFiles(dir: string): Promise<FileInfo[]> {
    const absDir = join(this.folder, dir);
    let names: string[];
    try {
      names = (await readdir(absDir, { withFileTypes: true })).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') this.fileProblem(null, 'file.unreadable', `The folder ${dir || '.'} could not be listed: ${describe(error)}`);
      return [];
    }
    // Stat in parallel: one at a time, a directory of 250 files took 15-25 ms of every watch scan.
    const stats = await Promise.all(
      names.sort().map(async (name) => {
        const rel = dir ? posix.join(dir, name) : name;
        const abs = join(absDir, name);
        try {
          const st = await lstat(abs, { bigint: true });
          if (!st.isFile() && !st.isSymbolicLink()) return null;
          return { rel, abs, identity: `${st.dev}:${st.ino}`, size: Number(st.size), mtimeMs: Number(st.mtimeMs), symlink: st.isSymbolicLink() };
        } catch {
          // Vanished between listing and stat: the next change event brings it back if it matters.
          return null;
        }
      }),
    );
    return stats.filter((file): file is FileInfo => file !== null);
  }

  /** A known file at its known path: decide whether it has unread bytes or must be re-read. */
  private async refreshSame(source: SourceRow, file: FileInfo, final: boolean): Promise<ReadTask | null> {
    const changed = source.size !== file.size || source.mtime_ms !== file.mtimeMs;
    if (source.kind === 'skipped') {
      return changed ? this.classifyInto(source.id, file) : null;
    }
    if (source.kind === 'json' || source.kind === 'gzip') {
      if (!changed) return null;
      if (source.offset > 0 || source.event_count > 0) this.writer.resetSource(source.id);
      return { sourceId: source.id, file };
    }
    if (file.size < source.offset) {
      this.writer.resetSource(source.id);
      return { sourceId: source.id, file };
    }
    const unread = source.offset + source.pending_bytes !== file.size;
    if (!changed && !unread && !(final && source.pending_bytes > 0)) return null;
    if (source.offset > 0 && source.head_len > 0) {
      const head = await this.safeHead(file, source.head_len);
      // Vanished or unreadable since it was listed: leave it; the next pass sees it gone or back.
      if (head === null) return null;
      if (sha256Hex(head) !== source.head_hash) {
        // Rewritten in place (copytruncate then regrown, or a different file of equal length).
        this.writer.resetSource(source.id);
      }
    }
    return { sourceId: source.id, file };
  }

  /** A source that vanished from its path and whose content is this file: renamed, rotated or compressed. */
  private async findPredecessor(dir: string, file: FileInfo): Promise<SourceRow | null> {
    if ('skip' in classifyByName(basename(file.rel))) return null;
    const candidates = [...this.writer.sourcesWithIdentity(file.identity), ...this.writer.detachedSourcesInDir(dir)];
    const gzip = this.isGzip(file.rel);
    for (const candidate of candidates) {
      if (candidate.path === file.rel || candidate.kind === 'skipped' || candidate.head_len === 0 || candidate.head_hash === null) continue;
      if (candidate.kind === 'json') continue;
      if (await this.stillAt(candidate)) continue;
      if (!gzip && file.size < candidate.offset) continue;
      const head = await this.safeHead(file, candidate.head_len);
      if (head !== null && head.length === candidate.head_len && sha256Hex(head) === candidate.head_hash) return candidate;
    }
    return null;
  }

  private async stillAt(source: SourceRow): Promise<boolean> {
    try {
      const st = await lstat(join(this.folder, source.path), { bigint: true });
      return `${st.dev}:${st.ino}` === source.identity;
    } catch {
      return false;
    }
  }

  /** Decides how a (new or changed) file is read, or why it is skipped. */
  private async classifyInto(id: number, file: FileInfo): Promise<ReadTask | null> {
    const byName = classifyByName(basename(file.rel));
    if ('skip' in byName) {
      this.writer.updateSource(id, { kind: 'skipped', state: 'skipped', reason: byName.skip, identity: file.identity, size: file.size, mtime_ms: file.mtimeMs });
      return null;
    }
    let kind: SourceKind = byName.gzip ? 'gzip' : byName.read === 'json' ? 'json' : 'lines';
    if (byName.read === 'sniff') {
      const head = await this.safeHead(file, SNIFF_BYTES);
      const reason = head === null ? 'unreadable' : sniffJsonLines(head, head.length < SNIFF_BYTES);
      if (reason !== null) {
        this.writer.updateSource(id, { kind: 'skipped', state: 'skipped', reason, identity: file.identity, size: file.size, mtime_ms: file.mtimeMs });
        return null;
      }
      kind = byName.gzip ? 'gzip' : 'lines';
    }
    this.writer.updateSource(id, { kind, state: 'active', reason: null, identity: file.identity });
    return { sourceId: id, file };
  }

  private createSkipped(file: FileInfo, reason: string): void {
    this.writer.createSource({
      path: file.rel, dir: posix.dirname(file.rel) === '.' ? '' : posix.dirname(file.rel), kind: 'skipped', state: 'skipped', reason,
      identity: file.identity, size: file.size, mtime_ms: file.mtimeMs, head_hash: null, head_len: 0,
    });
  }

  // ---- reading -------------------------------------------------------------------------------

  private async readTask(task: ReadTask, final: boolean): Promise<void> {
    const source = this.writer.sourceAt(task.file.rel);
    if (!source || source.state !== 'active') return;
    this.writer.dropTransientProblems(source.id);
    try {
      if (source.kind === 'json') {
        await this.readJson(source, task.file, final);
      } else {
        await this.readLines(source, task.file, final);
      }
    } catch (error) {
      // The index failing (disk full, read-only) is not this file's problem: the scan stops, the batch rolls back.
      if (errorCode(error)?.startsWith('SQLITE_')) throw error;
      this.flush();
      if (errorCode(error) === 'ENOENT') {
        const after = this.writer.sourceById(source.id);
        const unread = task.file.size - (after?.offset ?? source.offset);
        this.fileProblem(
          source.id,
          'file.deleted_before_read',
          unread > 0
            ? `${task.file.rel} disappeared before its last ${unread} bytes (at least) were read; those lines could not be indexed.`
            : `${task.file.rel} disappeared while it was being read; lines written after the last read could not be indexed.`,
        );
        this.flush();
        return;
      }
      const code: ProblemCode = source.kind === 'gzip' && errorCode(error) !== 'ENOENT' && errorCode(error) !== 'EACCES' ? 'file.gzip_corrupt' : 'file.unreadable';
      this.fileProblem(source.id, code, `${task.file.rel}: ${describe(error)}`);
      this.flush();
    }
  }

  private async readLines(source: SourceRow, file: FileInfo, final: boolean, drain: FileHandle | null = null): Promise<void> {
    const gzip = source.kind === 'gzip';
    if (drain === null) await this.updateHead(source, file);
    // A file read again while watching is being appended to: keep it open (see TailHandles).
    const handle = drain ?? (!final && !gzip && source.offset > 0 ? await this.tails.acquire(source.id, file.abs, file.identity) : null);
    const splitter = new LineSplitter(source.offset, source.line, this.options.maxLineBytes);
    const onLine = (line: SplitLine): void => {
      this.handleLine(source, line, null);
      this.progress.set(source.id, { sourceId: source.id, offset: line.endOffset, line: line.lineNo, pendingBytes: 0 });
      this.stats.bytesDone += line.endOffset - line.offset;
      if (this.events.length >= this.options.batchEvents) this.flush();
    };
    let damaged: unknown = null;
    try {
      for await (const chunk of readContent(file.abs, gzip, source.offset, handle)) {
        splitter.push(chunk, onLine);
        if (this.cancelled) break;
        this.report('indexing', false);
      }
    } catch (error) {
      if (!gzip) throw error;
      damaged = error;
    }
    let offset = splitter.committedOffset;
    let line = splitter.committedLine;
    let pendingBytes = 0;
    const tail = this.cancelled ? null : splitter.tail();
    if (tail) {
      if (final || gzip) {
        if (this.settleTail(source, tail)) {
          offset = tail.offset + tail.length;
          line = tail.lineNo;
        } else {
          pendingBytes = tail.offset + tail.length - offset;
        }
      } else {
        pendingBytes = tail.offset + tail.length - offset;
      }
    }
    if (damaged !== null) this.fileProblem(source.id, 'file.gzip_corrupt', `${file.rel}: ${describe(damaged)}; the lines before the damage were indexed.`);
    const complete = !this.cancelled;
    this.progress.set(source.id, { sourceId: source.id, offset, line, pendingBytes, size: complete ? file.size : undefined, mtimeMs: complete ? file.mtimeMs : undefined });
    this.flush();
  }

  /** A final line without newline on a one-shot read: indexed if it is complete JSON, a problem either way. */
  private settleTail(source: SourceRow, tail: PendingTail): boolean {
    if (tail.text !== null && lineToEvent(tail.text).type === 'blank') return true;
    const outcome = tail.text === null ? null : lineToEvent(tail.text);
    if (outcome?.type === 'event') {
      this.handleLine(source, { ...tail, endOffset: tail.offset + tail.length }, { code: 'line.missing_newline', message: 'The final line has no newline; it is complete JSON and was indexed.' });
      return true;
    }
    const reason = tail.text === null ? 'it is over the line cap' : outcome?.type === 'problem' && outcome.problem.code === 'line.nul_bytes' ? 'it holds NUL bytes' : 'it is not complete JSON';
    this.problems.push({
      sourceId: source.id, line: tail.lineNo, code: 'line.truncated', transient: true,
      message: `The final line (${tail.length} bytes) has no newline and ${reason}: a truncated or unfinished write. It was not indexed.`,
    });
    this.stats.problems++;
    return false;
  }

  private handleLine(source: SourceRow, line: SplitLine, extra: LineProblem | null): void {
    if (line.text === null) {
      this.lineProblem(source.id, line.lineNo, 'line.too_long', `The line is ${line.length} bytes, over the ${this.options.maxLineBytes}-byte cap; it was not parsed.`);
      return;
    }
    const outcome = lineToEvent(line.text);
    if (outcome.type === 'blank') return;
    if (outcome.type === 'problem') {
      this.lineProblem(source.id, line.lineNo, outcome.problem.code, outcome.problem.message);
      if (line.invalidUtf8) this.lineProblem(source.id, line.lineNo, 'line.invalid_utf8', 'The line is not valid UTF-8.');
      return;
    }
    const extraProblems: LineProblem[] = [];
    if (line.invalidUtf8) extraProblems.push({ code: 'line.invalid_utf8', message: 'The line is not valid UTF-8; undecodable bytes are shown as U+FFFD.' });
    if (extra) extraProblems.push(extra);
    this.events.push({
      sourceId: source.id, line: line.lineNo, offset: line.offset, length: line.length, raw: line.text, searchText: outcome.searchText,
      event: outcome.event, label: eventLabel(outcome.event, source.path), extraProblems,
    });
    this.stats.events++;
    this.stats.problems += outcome.event.problems.length + extraProblems.length;
  }

  private async readJson(source: SourceRow, file: FileInfo, final: boolean): Promise<void> {
    if (file.size > this.options.maxDocumentBytes) {
      this.fileProblem(source.id, 'file.document_too_large', `${file.rel} is ${file.size} bytes, over the ${this.options.maxDocumentBytes}-byte document cap; it was read as JSON lines.`);
      this.writer.updateSource(source.id, { kind: 'lines' });
      await this.readLines({ ...source, kind: 'lines' }, file, final);
      return;
    }
    const bytes = await readFile(file.abs);
    await this.updateHead(source, file);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const text = bytes.toString('utf8', bom);
    const firstLineEnd = text.indexOf('\n');
    const firstLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
    const wholeParses = isJson(text);
    if (!wholeParses && firstLineEnd >= 0 && lineToEvent(firstLine.replace(/\r$/, '')).type === 'event') {
      // A `.json` file that is really JSON lines.
      this.writer.updateSource(source.id, { kind: 'lines' });
      await this.readLines({ ...source, kind: 'lines' }, file, final);
      return;
    }
    const lineOf = { lineNo: 1, offset: bom, length: bytes.length - bom, text, endOffset: bytes.length, invalidUtf8: false };
    if (wholeParses) {
      this.handleLine(source, lineOf, null);
    } else if (text.trim().length > 0) {
      const truncated = /end of JSON input|Unterminated/.test(parseError(text));
      this.problems.push({
        sourceId: source.id, line: 1, code: truncated ? 'line.truncated' : 'line.invalid_json', transient: truncated && !final,
        message: truncated ? 'The JSON document ends before it is complete (still being written, or truncated).' : `The JSON document does not parse: ${parseError(text)}`,
      });
      this.stats.problems++;
    }
    this.progress.set(source.id, { sourceId: source.id, offset: bytes.length, line: 1, pendingBytes: 0, size: file.size, mtimeMs: file.mtimeMs });
    this.stats.bytesDone += bytes.length;
    this.flush();
  }

  /** Records the hash of the file's first bytes, which identifies it across renames and rotations. */
  private async updateHead(source: SourceRow, file: FileInfo): Promise<void> {
    const fresh = this.writer.sourceAt(file.rel) ?? source;
    if (fresh.head_len >= HEAD_BYTES || (fresh.kind === 'gzip' && fresh.head_len > 0)) return;
    const head = await this.safeHead(file, HEAD_BYTES);
    if (head === null || head.length === 0 || head.length <= fresh.head_len) return;
    this.writer.updateSource(source.id, { head_hash: sha256Hex(head), head_len: head.length });
  }

  private async safeHead(file: FileInfo, length: number): Promise<Buffer | null> {
    try {
      return await readHead(file.abs, this.isGzip(file.rel), length);
    } catch {
      return null;
    }
  }

  private isGzip(rel: string): boolean {
    const byName = classifyByName(basename(rel));
    return 'gzip' in byName && byName.gzip;
  }

  // ---- batching ------------------------------------------------------------------------------

  private lineProblem(sourceId: number, line: number, code: ProblemCode, message: string): void {
    this.problems.push({ sourceId, line, code, message });
    this.stats.problems++;
  }

  private fileProblem(sourceId: number | null, code: ProblemCode, message: string): void {
    this.problems.push({ sourceId, line: null, code, message });
    this.stats.problems++;
  }

  private flush(): void {
    if (this.events.length === 0 && this.problems.length === 0 && this.progress.size === 0) return;
    const added = this.writer.commit({ events: this.events, problems: this.problems, progress: [...this.progress.values()] });
    this.events = [];
    this.problems = [];
    this.progress = new Map();
    this.listener.onCommit?.(added);
  }

  private report(phase: IngestProgress['phase'], force: boolean): void {
    // Once cancelled, the scan says nothing but that it stopped: no late "indexing" after the owner was told.
    if (this.cancelled && phase !== 'cancelled') return;
    const now = Date.now();
    if (!force && now - this.lastProgressAt < PROGRESS_INTERVAL_MS) return;
    this.lastProgressAt = now;
    this.listener.onProgress?.({ phase, ...this.stats });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parseError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 200) : String(error);
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
