import { basename } from 'node:path';
import { assertNever } from '../../shared/model/family';
import type { LineProblem, ProblemCode } from '../../shared/model/problem-code';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import type { PendingEvent } from '../index/ingest-batch';
import type { IndexWriter } from '../index/index-writer';
import { isGzipKind, isTextKind, type SourceRow } from '../index/source-row';
import { hadNaiveTimes, type SourceZones } from '../index/source-zones';
import { classifyByName } from './classify-file';
import { describeError, errorCode } from './error-code';
import { eventLabel, startsLongLine } from '../families/family-registry';
import type { IngestOptions } from './ingest-options';
import { lineToEvent, type LineEvent } from './line-to-event';
import { withNaiveTimeZone } from '../families/reading/naive-time-zone';
import { TextEntries } from './text-entries';
import type { PendingBatch } from './pending-batch';
import { readJsonContent } from './json-content';
import { HEAD_BYTES, readContent, readHead, readWholeContent, sha256Hex } from './read-content';
import type { ScanProgress } from './scan-progress';
import { goneBeforeRead, ListedFile } from './listed-file';
import { LineSplitter, type PendingTail, type SplitLine } from './split-lines';
import { ParseAhead, ParseAheadFailed } from './parse-ahead';
import { AheadFile, type AheadStart } from './ahead-file';
import { AheadQueue } from './ahead-queue';
import { readSmallFile, type SmallFileBytes } from './read-small-file';
import type { ParsedFileEnd } from './parse-ahead-messages';
import { LineKind, parsedLines, type ChunkReading, type ParsedChunk, type ParsedEvent } from './parsed-chunk';
import type { RawPlacement } from '../index/raw-blocks';
import type { ScanFacts } from '../index/scan-facts';
import type { TailHandles } from './tail-handles';

/**
 * A scan with fewer unread bytes is read on the writer's thread alone: starting
 * the parse worker (80–170 ms) would cost more than it saves.
 */
const PARSE_AHEAD_MIN_BYTES = 1 << 20;

/** Pieces (AheadFile) the parse worker may be reading while the writer stores the one before. */
const AHEAD_PIECES = 8;

/**
 * How many bytes of the next files are sent to the parse worker while the
 * writer stores a file's last pieces: small files whole, a bigger one's start.
 */
const AHEAD_BYTES = 2 << 20;

/** At most this many files sent ahead, however small (each answer waits in memory until its turn). */
const AHEAD_FILES = 64;

/** A file of the folder as one listing saw it. */
export interface FileInfo {
  readonly rel: string;
  readonly abs: string;
  readonly identity: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly symlink: boolean;
}

/** A source to read in this scan, and its file as listed. */
export interface ReadTask {
  readonly sourceId: number;
  readonly file: FileInfo;
}

/** A scan's files in the order they are read, and the position of the one being read: what may be read ahead. */
export interface ScanOrder {
  readonly tasks: readonly ReadTask[];
  readonly at: number;
}

/** No scan's reading under way: nothing is read ahead. */
const NO_ORDER: ScanOrder = { tasks: [], at: -1 };

/** Which producer zone a source's times without zone are read in now, and where the zone each was read in is kept. */
export interface ZoneReading {
  readonly zones: SourceZones;
  readonly zoneOf: (path: string) => string | null;
}

/**
 * Reads the unread bytes of one source into the pending batch: JSON lines
 * (plain or gzip, from the committed offset) or one JSON document (plain or
 * gzip, read whole). Bad bytes become problems with their line; only the index
 * failing stops the scan.
 */
export class SourceReader {
  constructor(
    private readonly writer: IndexWriter,
    private readonly options: IngestOptions,
    private readonly tails: TailHandles,
    private readonly batch: PendingBatch,
    private readonly scan: ScanProgress,
    private readonly zoning: ZoneReading | null,
    /** Reads big files' lines a few pieces ahead on another thread during a deferred scan; null: never. */
    private readonly parseAhead: ParseAhead | null = null,
  ) {}

  /** The scan's files in order, and the one being read (-1 outside a scan's reading: a drain before it). */
  private order: ScanOrder = NO_ORDER;
  /** The files after the one being read that were sent to the parse worker already. */
  private readonly queue = new AheadQueue();

  /** Reads a task's source if it is still active; a file that fails to read becomes a problem, not an error. */
  async read(task: ReadTask, final: boolean, order: ScanOrder): Promise<void> {
    this.order = order;
    const found = this.writer.sourceAt(task.file.rel);
    if (!found || found.state !== 'active') return;
    const source = this.inWantedZone(found);
    this.writer.dropTransientProblems(source.id);
    try {
      if (source.kind === 'json') {
        await this.readJson(source, task.file, final);
      } else if (source.kind === 'gzip-json') {
        await this.readGzipJson(source, task.file, final);
      } else {
        await this.readLines(source, task.file, final);
      }
    } catch (error) {
      // The index failing (disk full, read-only) is not this file's problem: the scan stops, the batch rolls back.
      if (errorCode(error)?.startsWith('SQLITE_')) throw error;
      this.batch.flush();
      if (errorCode(error) === 'ENOENT') {
        const after = this.writer.sourceById(source.id);
        const unread = task.file.size - (after?.offset ?? source.offset);
        this.batch.fileProblem(
          source.id,
          'file.deleted_before_read',
          unread > 0
            ? `${task.file.rel} disappeared before its last ${unread} bytes (at least) were read; those lines could not be indexed.`
            : `${task.file.rel} disappeared while it was being read; lines written after the last read could not be indexed.`,
        );
        this.batch.flush();
        return;
      }
      const code: ProblemCode = isGzipKind(source.kind) && errorCode(error) !== 'ENOENT' && errorCode(error) !== 'EACCES' ? 'file.gzip_corrupt' : 'file.unreadable';
      this.batch.fileProblem(source.id, code, `${task.file.rel}: ${describeError(error)}`);
      this.batch.flush();
    }
  }

  /**
   * Reads JSON lines from the source's offset. `drain` is the open file of one
   * that has left its path, read to its end before the source is marked gone.
   */
  async readLines(source: SourceRow, file: FileInfo, final: boolean, drain: ListedFile | null = null): Promise<void> {
    const gzip = isGzipKind(source.kind);
    // Files are read through a handle on the listed file, never by path (see ListedFile.open).
    // While watching a plain file's stays open (TailHandles); a one-shot read, and a gzip file's, closes it.
    let handle = drain;
    let ownHandle = false;
    if (handle === null) {
      const once = final || gzip;
      handle = once ? ListedFile.open(file.abs, file.identity) : await this.tails.acquire(source.id, file.abs, file.identity);
      // Gone from its path since the listing: while watching the next scan finds where it went.
      if (handle === null) {
        if (final) throw goneBeforeRead(file.rel);
        return;
      }
      ownHandle = once;
    }
    try {
      if (drain === null) await this.updateHead(source, file, handle);
      await this.readLinesThrough(source, file, final, handle);
    } finally {
      if (ownHandle) await handle?.close();
    }
  }

  private async readLinesThrough(source: SourceRow, file: FileInfo, final: boolean, handle: ListedFile): Promise<void> {
    let from = source;
    const ahead = this.parseAhead;
    const queued = await this.queue.take(this.order.at);
    if (queued === null && ahead !== null && this.readsAhead(source) && !ahead.ready) {
      ahead.warmUp();
      // The worker is still starting (about 170 ms): the file's first lines are read here meanwhile.
      const stopped = await this.readLinesHere(source, file, final, handle, () => ahead.ready);
      if (stopped === null) return;
      from = { ...source, offset: stopped.offset, line: stopped.line };
    }
    if (queued !== null || this.readsAhead(from)) {
      const stopped = await this.readLinesAhead(from, file, final, handle, queued);
      if (stopped === null) return;
      // The parse worker failed, or the file changed after it was read ahead: the lines after the last piece taken are read here.
      from = { ...source, offset: stopped.offset, line: stopped.line };
    }
    await this.readLinesHere(from, file, final, handle);
  }

  /**
   * Whether a source's lines are read through the parse worker: JSON lines (a
   * text log's entries span lines) in a scan that defers the enrichment (the
   * worker gives scan facts, not whole events), with enough unread bytes in the
   * scan that the worker is worth starting. A file's own size does not matter:
   * small files are read ahead whole, several at a time.
   */
  private readsAhead(source: SourceRow): boolean {
    return this.parseAhead !== null && this.parseAhead.usable && this.writer.deferEnrichment && !isTextKind(source.kind)
      && this.scan.counts.bytesTotal >= (this.options.parseAheadMinBytes ?? PARSE_AHEAD_MIN_BYTES);
  }

  /**
   * Reads a source's lines on this thread. With `until`, stops at the first
   * chunk's end where it holds, and returns where the complete lines read end
   * (nothing of the file settled); otherwise returns null, the read settled.
   */
  private async readLinesHere(
    source: SourceRow,
    file: FileInfo,
    final: boolean,
    handle: ListedFile,
    until: (() => boolean) | null = null,
  ): Promise<{ offset: number; line: number } | null> {
    const gzip = isGzipKind(source.kind);
    const splitter = new LineSplitter(source.offset, source.line, this.options.maxLineBytes, { maxBytes: this.options.maxDocumentBytes, startsLongLine });
    // A text log's tracebacks and indented lines continue the entry before them, within one read.
    const entries = isTextKind(source.kind) ? new TextEntries() : null;
    const onLine = (line: SplitLine): void => {
      this.handleLine(source, line, null, entries);
      this.batch.setProgress({ sourceId: source.id, offset: line.endOffset, line: line.lineNo, pendingBytes: 0 });
      this.scan.counts.bytesDone += line.endOffset - line.offset;
      this.batch.flushIfFull();
    };
    let damaged: unknown = null;
    try {
      for await (const chunk of readContent(handle, gzip, source.offset)) {
        splitter.push(chunk, onLine);
        if (this.scan.cancelled) break;
        this.scan.report('indexing', false);
        if (until?.() === true) return { offset: splitter.committedOffset, line: splitter.committedLine };
      }
    } catch (error) {
      if (!gzip) throw error;
      damaged = error;
    }
    const end = { offset: splitter.committedOffset, line: splitter.committedLine, tail: this.scan.cancelled ? null : splitter.tail() };
    this.settleRead(source, file, final, end, entries, damaged);
    return null;
  }

  /**
   * Reads a source's lines through the parse worker, a few pieces ahead of the
   * writer; once the file is sent, the next files are read and sent (fillQueue)
   * while the writer stores this one's last pieces. `queued` is this file as
   * read ahead before its turn, if it was. Returns null when done, or where the
   * pieces taken so far end when the rest must be read here: the worker failed,
   * or the file changed after it was read ahead whole.
   */
  private async readLinesAhead(
    source: SourceRow,
    file: FileInfo,
    final: boolean,
    handle: ListedFile,
    queued: AheadFile | null,
  ): Promise<{ offset: number; line: number } | null> {
    const ahead = this.parseAhead as ParseAhead;
    const gzip = isGzipKind(source.kind);
    const taken = { offset: source.offset, line: source.line };
    const take = (chunk: ParsedChunk): void => {
      const last = this.takeParsed(source, chunk);
      if (last !== null) Object.assign(taken, { offset: last.endOffset, line: last.lineNo });
    };
    let reading: AheadFile | null = null;
    let damaged: unknown = null;
    let end: ParsedFileEnd;
    try {
      reading = await this.sameStart(queued, source, file);
      if (reading === null) {
        // The worker reads one file at a time: one it was still in the middle of is read again in its turn.
        await this.queue.dropUnended();
        reading = new AheadFile(ahead, aheadStart(source, file));
        ahead.begin(readingOf(source), source.offset, source.line, this.options);
      }
      // A file read ahead whole is not read again unless it changed since (below).
      if (!reading.complete) {
        try {
          for await (const chunk of readContent(handle, gzip, source.offset + reading.pushedBytes)) {
            reading.push(chunk);
            while (reading.waiting > AHEAD_PIECES) take(await (reading.next() as Promise<ParsedChunk>));
            if (this.scan.cancelled) break;
            this.scan.report('indexing', false);
          }
        } catch (error) {
          if (!gzip || error instanceof ParseAheadFailed) throw error;
          damaged = error;
        }
      }
      if (this.scan.cancelled) {
        // Stopped at a piece's end: what the worker still reads is not taken.
        await reading.drop();
        end = { ...taken, tail: null };
      } else {
        const wasComplete = reading.complete;
        const finished = reading.finish();
        if (damaged === null) await this.fillQueue();
        for (let piece = reading.next(); piece !== undefined; piece = reading.next()) take(await piece);
        end = await finished;
        // Written to (or replaced) since it was read whole: its last lines may have grown, so the rest is read here.
        if (wasComplete && handle.stat().size !== reading.sizeSeen) return { offset: end.offset, line: end.line };
      }
    } catch (error) {
      if (!(error instanceof ParseAheadFailed)) throw error;
      await reading?.drop();
      return taken;
    }
    this.settleRead(source, file, final, end, null, damaged);
    return null;
  }

  /**
   * Reads the next files' unread bytes and sends them to the parse worker, up
   * to AHEAD_BYTES and AHEAD_FILES beyond the file the writer stores: small
   * files whole (and ended), then possibly one bigger file's first bytes. The
   * worker then parses on while the writer stores the files before, so a folder
   * of ten thousand small files keeps both cores busy as one big file does.
   */
  private async fillQueue(): Promise<void> {
    const ahead = this.parseAhead;
    if (ahead === null) return;
    const { tasks } = this.order;
    let next = Math.max(this.queue.lookedThrough, this.order.at) + 1;
    while (next < tasks.length && ahead.usable && !this.scan.cancelled && this.queue.open && this.queue.length < AHEAD_FILES) {
      const budget = AHEAD_BYTES - this.queue.bytes;
      if (budget <= 0) return;
      const task = tasks[next] as ReadTask;
      this.queue.lookedThrough = next;
      const reading = await this.readAheadOf(ahead, task, budget);
      if (reading !== null) this.queue.push(next, reading);
      next++;
    }
  }

  /**
   * Sends up to `budget` bytes of a task's file to the parse worker, ending it
   * when they are all it has; null when it is not read ahead. A JSON document or
   * text log is not (whether a `.json` file holds lines is decided in its turn),
   * nor is a source a zone change will read from its start again.
   */
  private async readAheadOf(ahead: ParseAhead, task: ReadTask, budget: number): Promise<AheadFile | null> {
    const source = this.writer.sourceAt(task.file.rel);
    if (source === undefined || source.state !== 'active' || (source.kind !== 'lines' && source.kind !== 'gzip') || !this.readsAhead(source)) return null;
    const gzip = isGzipKind(source.kind);
    if (!gzip && task.file.size <= source.offset) return null;
    let read: AheadBytes | null;
    try {
      read = gzip ? await readGzipAhead(task.file, source.offset, budget) : readPlainAhead(task.file, source.offset, budget);
    } catch {
      // Its own read will meet the same failure and say so.
      return null;
    }
    if (read === null) return null;
    const reading = new AheadFile(ahead, aheadStart(source, task.file));
    try {
      ahead.begin(readingOf(source), source.offset, source.line, this.options);
      reading.push(read.bytes);
      if (read.whole) {
        reading.sizeSeen = read.size;
        void reading.finish();
      }
      return reading;
    } catch {
      // A failed worker is the file's own read to handle.
      void reading.drop();
      return null;
    }
  }

  /** The file read ahead, if it began where the source stands now (path, zone and file alike); dropped otherwise. */
  private async sameStart(queued: AheadFile | null, source: SourceRow, file: FileInfo): Promise<AheadFile | null> {
    if (queued === null) return null;
    const start = queued.start;
    const wanted = aheadStart(source, file);
    if (Object.entries(wanted).every(([key, value]) => start[key as keyof AheadStart] === value)) return queued;
    await queued.drop();
    return null;
  }

  /** Forgets the files read ahead that no read took (the scan ended, or they were not read after all). */
  async dropPrefetched(): Promise<void> {
    this.order = NO_ORDER;
    await this.queue.clear();
  }

  /** Adds one parsed chunk's lines to the batch, as handleLine would have; returns its last line. */
  private takeParsed(source: SourceRow, chunk: ParsedChunk): SplitLine | null {
    const firstBlock = this.batch.addPackedBlocks(source.id, chunk.blocks);
    let last: SplitLine | null = null;
    for (const { kind, split, problem, events } of parsedLines(chunk, firstBlock)) {
      last = split;
      switch (kind) {
        case LineKind.Blank:
          break;
        case LineKind.TooLong:
          this.handleLine(source, split, null);
          break;
        case LineKind.Problem:
          this.lineNotEvent(source, split, problem as LineProblem);
          break;
        case LineKind.Events:
          for (const event of events) {
            this.batch.addEvent(new ScannedPendingEvent(source.id, split, event, event.part === 0 ? readingProblems(split.invalidUtf8, null) : NO_PROBLEMS));
          }
          break;
        default:
          assertNever(kind);
      }
    }
    if (last !== null) this.batch.setProgress({ sourceId: source.id, offset: last.endOffset, line: last.lineNo, pendingBytes: 0 });
    this.scan.counts.bytesDone += chunk.bytesDone;
    // A batch ends with a chunk: the chunk's blocks go with all its events.
    this.batch.flushIfFull();
    return last;
  }

  /** Where a read of lines stopped: its last complete line, what follows it, and a gzip stream's damage. */
  private settleRead(source: SourceRow, file: FileInfo, final: boolean, end: ParsedFileEnd, entries: TextEntries | null, damaged: unknown): void {
    const gzip = isGzipKind(source.kind);
    let offset = end.offset;
    let line = end.line;
    let pendingBytes = 0;
    const tail = end.tail;
    if (tail) {
      if (entries !== null && (final || gzip) && tail.text !== null) {
        // Text output often ends without a newline; on a last read the line is complete as it is.
        this.handleLine(source, { ...tail, endOffset: tail.offset + tail.length }, null, entries);
        offset = tail.offset + tail.length;
        line = tail.lineNo;
      } else if (final || gzip) {
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
    if (damaged !== null) this.batch.fileProblem(source.id, 'file.gzip_corrupt', `${file.rel}: ${describeError(damaged)}; the lines before the damage were indexed.`);
    const complete = !this.scan.cancelled;
    this.batch.setProgress({ sourceId: source.id, offset, line, pendingBytes, size: complete ? file.size : undefined, mtimeMs: complete ? file.mtimeMs : undefined });
    this.endOfFile();
  }

  /**
   * A file read to its end. In a scan's reading its lines wait for the batch to
   * fill like any others: a commit per file meant ten thousand commits for ten
   * thousand small files, each writing the same index pages to the log again.
   * Read outside one (a file drained before it is marked gone), they are
   * committed now.
   */
  private endOfFile(): void {
    if (this.order.at >= 0) this.batch.flushIfFull();
    else this.batch.flush();
  }

  /**
   * The source, set to be read in the producer zone its path is given now. One
   * whose times without zone were read in another zone is read again from its
   * start (every time derived from it changes); one that had none only notes the zone.
   */
  private inWantedZone(source: SourceRow): SourceRow {
    if (this.zoning === null) return source;
    const zone = this.zoning.zoneOf(source.path);
    if ((source.time_zone ?? null) === zone) return source;
    if (hadNaiveTimes(source.carry)) this.writer.resetSource(source.id);
    this.zoning.zones.record(source.id, zone);
    return this.writer.sourceById(source.id) ?? source;
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
    this.batch.addProblem({
      sourceId: source.id, line: tail.lineNo, code: 'line.truncated', transient: true,
      message: `The final line (${tail.length} bytes) has no newline and ${reason}: a truncated or unfinished write. It was not indexed.`,
    });
    return false;
  }

  private handleLine(source: SourceRow, line: SplitLine, extra: LineProblem | null, entries: TextEntries | null = null): void {
    if (line.text === null) {
      this.batch.lineProblem(source.id, line.lineNo, 'line.too_long', `The line is ${line.length} bytes, over the ${this.options.maxLineBytes}-byte cap; it was not parsed.`);
      return;
    }
    const text = line.text;
    // Synchronous: the zone applies to this line's normalization only (see withNaiveTimeZone).
    const outcome = withNaiveTimeZone(source.time_zone ?? null, () => (entries === null ? lineToEvent(text) : entries.next(text)));
    if (outcome.type === 'blank') return;
    if (outcome.type === 'problem') return this.lineNotEvent(source, line, outcome.problem);
    const extraProblems = readingProblems(line.invalidUtf8, extra);
    // A line of many events (an OTLP request's spans) gives them all in this batch, so the offset after it commits with every one.
    this.batch.addEvent(new LinePendingEvent(source, line, 0, text, outcome, extraProblems));
    outcome.more.forEach((found, index) => this.batch.addEvent(new LinePendingEvent(source, line, index + 1, text, found, NO_PROBLEMS)));
  }

  /** A line that became no event: its problem, and its invalid UTF-8 where it has some. */
  private lineNotEvent(source: SourceRow, line: SplitLine, problem: LineProblem): void {
    this.batch.lineProblem(source.id, line.lineNo, problem.code, problem.message);
    if (line.invalidUtf8) this.batch.lineProblem(source.id, line.lineNo, 'line.invalid_utf8', 'The line is not valid UTF-8.');
  }

  /**
   * A `.json.gz`: one document inside is read whole, like a plain `.json` one
   * (the cap counts decompressed bytes); JSON lines inside are read as gzip lines
   * from then on. Damage of the compressed stream before a document is whole is
   * a problem, and nothing of the document is indexed.
   */
  private async readGzipJson(source: SourceRow, file: FileInfo, final: boolean): Promise<void> {
    const content = await this.readWhole(source, file, final, (handle) => readJsonContent(handle, true, this.options.maxDocumentBytes));
    if (content === null) return;
    switch (content.read) {
      case 'lines':
        this.writer.updateSource(source.id, { kind: 'gzip' });
        await this.readLines({ ...source, kind: 'gzip' }, file, final);
        return;
      case 'too-large':
        this.batch.fileProblem(source.id, 'file.document_too_large', `${file.rel} decompresses to more than the ${this.options.maxDocumentBytes}-byte document cap; it was read as JSON lines.`);
        this.writer.updateSource(source.id, { kind: 'gzip' });
        await this.readLines({ ...source, kind: 'gzip' }, file, final);
        return;
      case 'damaged':
        this.batch.fileProblem(source.id, 'file.gzip_corrupt', `${file.rel}: ${describeError(content.error)}; the compressed JSON document could not be read whole, so none of it was indexed.`);
        this.batch.setProgress({ sourceId: source.id, offset: 0, line: 0, pendingBytes: 0, size: file.size, mtimeMs: file.mtimeMs });
        this.endOfFile();
        return;
      case 'document':
        this.readDocument(source, file, final, documentOf(content.bytes));
        return;
      default:
        assertNever(content);
    }
  }

  private async readJson(source: SourceRow, file: FileInfo, final: boolean): Promise<void> {
    if (file.size > this.options.maxDocumentBytes) {
      // JSON lines are no document, and a rotated `x.json.1` of them is often over the cap: only a document is.
      const content = await this.readWhole(source, file, final, (handle) => readJsonContent(handle, false, this.options.maxDocumentBytes));
      if (content === null) return;
      if (content.read !== 'lines') {
        this.batch.fileProblem(source.id, 'file.document_too_large', `${file.rel} is ${file.size} bytes, over the ${this.options.maxDocumentBytes}-byte document cap; it was read as JSON lines.`);
      }
      this.writer.updateSource(source.id, { kind: 'lines' });
      await this.readLines({ ...source, kind: 'lines' }, file, final);
      return;
    }
    const bytes = await this.readWhole(source, file, final, readWholeContent);
    if (bytes === null) return;
    const document = documentOf(bytes);
    const firstLineEnd = document.text.indexOf('\n');
    const firstLine = firstLineEnd < 0 ? document.text : document.text.slice(0, firstLineEnd);
    if (!document.wholeParses && firstLineEnd >= 0 && lineToEvent(firstLine.replace(/\r$/, '')).type === 'event') {
      // A `.json` file that is really JSON lines.
      this.writer.updateSource(source.id, { kind: 'lines' });
      await this.readLines({ ...source, kind: 'lines' }, file, final);
      return;
    }
    this.readDocument(source, file, final, document);
  }

  /** One JSON document (a `.json` file's bytes, or a `.json.gz` file's decompressed): one line to the index, its event or a problem on line 1. */
  private readDocument(source: SourceRow, file: FileInfo, final: boolean, { bytes, bom, text, wholeParses }: JsonDocument): void {
    const lineOf = { lineNo: 1, offset: bom, length: bytes.length - bom, text, endOffset: bytes.length, invalidUtf8: false };
    if (wholeParses) {
      this.handleLine(source, lineOf, null);
    } else if (text.trim().length > 0) {
      const truncated = /end of JSON input|Unterminated/.test(parseError(text));
      this.batch.addProblem({
        sourceId: source.id, line: 1, code: truncated ? 'line.truncated' : 'line.invalid_json', transient: truncated && !final,
        message: truncated ? 'The JSON document ends before it is complete (still being written, or truncated).' : `The JSON document does not parse: ${parseError(text)}`,
      });
    }
    this.batch.setProgress({ sourceId: source.id, offset: bytes.length, line: 1, pendingBytes: 0, size: file.size, mtimeMs: file.mtimeMs });
    this.scan.counts.bytesDone += bytes.length;
    this.endOfFile();
  }

  /**
   * Reads a document's file whole through a handle on the listed file, and
   * records its head. Null while watching when the file is no longer at its path:
   * replaced or moved since the listing (documents are often written to a
   * temporary name and renamed); the next scan finds it.
   */
  private async readWhole<T>(source: SourceRow, file: FileInfo, final: boolean, read: (handle: ListedFile) => Promise<T>): Promise<T | null> {
    const handle = ListedFile.open(file.abs, file.identity);
    if (handle === null) {
      if (final) throw goneBeforeRead(file.rel);
      return null;
    }
    try {
      const content = await read(handle);
      await this.updateHead(source, file, handle);
      return content;
    } finally {
      await handle.close();
    }
  }

  /**
   * Records the hash of the file's first bytes, which identifies it across renames
   * and rotations, with the batch that stores what is read of it: read through
   * the handle of the listed file when there is one.
   */
  private async updateHead(source: SourceRow, file: FileInfo, handle: ListedFile | null): Promise<void> {
    const fresh = this.writer.sourceAt(file.rel) ?? source;
    if (fresh.head_len >= HEAD_BYTES || (isGzipKind(fresh.kind) && fresh.head_len > 0)) return;
    const head = handle === null ? await headOrNull(file, HEAD_BYTES) : await readHead(handle, isGzipPath(file.rel), HEAD_BYTES).catch(() => null);
    if (head === null || head.length === 0 || head.length <= fresh.head_len) return;
    this.batch.setHead({ sourceId: source.id, hash: sha256Hex(head), length: head.length });
  }
}

/**
 * The first `length` bytes of a listed file (decompressed for gzip), or null when
 * it cannot be read now or its path no longer holds it.
 */
export async function headOrNull(file: FileInfo, length: number): Promise<Buffer | null> {
  return readListed(file, (handle) => readHead(handle, isGzipPath(file.rel), length));
}

/**
 * A plain file's bytes at each of `places` (position, length), read through one
 * handle, or null when it cannot be read now or its path no longer holds it.
 */
export async function plainBytesOrNull(file: FileInfo, places: readonly (readonly [position: number, length: number])[]): Promise<Buffer[] | null> {
  return readListed(file, (handle) => places.map(([position, length]) => handle.readAt(position, length)));
}

/** Opens the listed file, reads it with `read` and closes it; null when it is not the listed file or cannot be read. */
async function readListed<T>(file: FileInfo, read: (handle: ListedFile) => Promise<T> | T): Promise<T | null> {
  try {
    const handle = ListedFile.open(file.abs, file.identity);
    if (handle === null) return null;
    try {
      return await read(handle);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** True when the file's name says gzip. */
export function isGzipPath(rel: string): boolean {
  const byName = classifyByName(basename(rel));
  return 'gzip' in byName && byName.gzip;
}

/** A file's bytes read ahead, and its size on disk when they were read (which its turn compares). */
interface AheadBytes extends SmallFileBytes {
  readonly size: number;
}

/** A plain file's bytes from `offset` on, up to `maxBytes`: on this thread (readSmallFile), as the budget keeps them few. */
function readPlainAhead(file: FileInfo, offset: number, maxBytes: number): AheadBytes | null {
  const read = readSmallFile(file.abs, file.identity, offset, maxBytes);
  return read === null ? null : { ...read, size: offset + read.bytes.length };
}

/**
 * A gzip file's decompressed bytes from `offset` on, up to `maxBytes`, through
 * the listed file (null when its path no longer holds it); `size` is the
 * compressed file's.
 */
async function readGzipAhead(file: FileInfo, offset: number, maxBytes: number): Promise<AheadBytes | null> {
  const handle = ListedFile.open(file.abs, file.identity);
  if (handle === null) return null;
  try {
    // Concatenated, hence copied: gunzip may still hold its chunks' memory.
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of readContent(handle, true, offset)) {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= maxBytes) return { bytes: Buffer.concat(chunks, total), whole: false, size: handle.stat().size };
    }
    return { bytes: Buffer.concat(chunks, total), whole: true, size: handle.stat().size };
  } finally {
    await handle.close();
  }
}

/** Where a source's reading ahead starts now. */
function aheadStart(source: SourceRow, file: FileInfo): AheadStart {
  return { sourceId: source.id, path: source.path, offset: source.offset, line: source.line, kind: source.kind, timeZone: source.time_zone ?? null, identity: file.identity };
}

/** How the parse worker reads a source's lines. */
function readingOf(source: SourceRow): ChunkReading {
  return { sourceId: source.id, path: source.path, timeZone: source.time_zone ?? null };
}

/** A JSON document's bytes as text (a byte order mark left out) and whether they parse whole. */
interface JsonDocument {
  readonly bytes: Buffer;
  readonly bom: number;
  readonly text: string;
  readonly wholeParses: boolean;
}

function documentOf(bytes: Buffer): JsonDocument {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = bytes.toString('utf8', bom);
  return { bytes, bom, text, wholeParses: isJson(text) };
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

const NO_PROBLEMS: readonly LineProblem[] = [];

/** A line's reading problems on top of its normalizer's; most lines have none and share NO_PROBLEMS. */
function readingProblems(invalidUtf8: boolean, extra: LineProblem | null): readonly LineProblem[] {
  if (!invalidUtf8 && extra === null) return NO_PROBLEMS;
  const problems: LineProblem[] = [];
  if (invalidUtf8) problems.push({ code: 'line.invalid_utf8', message: 'The line is not valid UTF-8; undecodable bytes are shown as U+FFFD.' });
  if (extra) problems.push(extra);
  return problems;
}

/**
 * One event of a line, as the batch holds it until commit. Its search text is
 * read through, not copied: a deferred batch reads it only for the events whose
 * sightings are compared. A class, so the getter lives on the prototype: a
 * literal with a getter is a dictionary-mode object several times the size, and
 * a batch holds thousands of them across young-generation collections.
 */
class LinePendingEvent implements PendingEvent {
  readonly sourceId: number;
  readonly line: number;
  readonly offset: number;
  readonly length: number;
  readonly event: NormalizedEvent;
  readonly label: string | null;
  /** Packed by the writer from `raw`, its scan facts worked out there from `event`. */
  readonly packed = null;
  readonly facts = null;

  constructor(
    source: SourceRow,
    split: SplitLine,
    readonly part: number,
    readonly raw: string,
    private readonly found: LineEvent,
    readonly extraProblems: readonly LineProblem[],
  ) {
    this.sourceId = source.id;
    this.line = split.lineNo;
    this.offset = split.offset;
    this.length = split.length;
    this.event = found.event;
    this.label = eventLabel(found.event, source.path);
  }

  get searchText(): string {
    return this.found.searchText;
  }
}

/**
 * One event a parse worker read: its scan facts and where the worker packed its
 * line, without the whole event (see ParsedChunk). Only a deferred batch takes
 * it, which reads neither its search text nor its derived rows.
 */
class ScannedPendingEvent implements PendingEvent {
  readonly sourceId: number;
  readonly line: number;
  readonly part: number;
  readonly offset: number;
  readonly length: number;
  readonly raw = null;
  /** The parsed event is its own raw placement, its block counted in the batch's packed blocks. */
  readonly packed: RawPlacement;
  readonly event = null;
  readonly facts: ScanFacts;
  readonly label: string | null;

  constructor(
    sourceId: number,
    split: SplitLine,
    private readonly parsed: ParsedEvent,
    readonly extraProblems: readonly LineProblem[],
  ) {
    this.sourceId = sourceId;
    this.line = split.lineNo;
    this.part = parsed.part;
    this.offset = split.offset;
    this.length = split.length;
    this.packed = parsed;
    this.facts = parsed.facts;
    this.label = parsed.label;
  }

  get searchText(): string {
    // Given for the families whose events are compared across files; a deferred batch asks no other.
    if (this.parsed.searchText === null) throw new Error(`the search text of line ${this.line} of source ${this.sourceId} was asked for, but a parse worker read it for a deferred batch`);
    return this.parsed.searchText;
  }
}
