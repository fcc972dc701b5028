// First: the code cache must be on before the families' modules are compiled.
import './worker-code-cache';
import { startsLongLine } from '../families/family-registry';
import { answerInOrder } from './answer-in-order';
import type { FromParseWorker, ToParseWorker } from './parse-ahead-messages';
import { ChunkColumns, type ChunkReading } from './parsed-chunk';
import { LineSplitter } from './split-lines';

// Splits and normalizes a file's chunks a step ahead of the index writer, on the other core.
let reading: ChunkReading | null = null;
let splitter: LineSplitter | null = null;

answerInOrder(handle);

function handle(message: ToParseWorker): FromParseWorker | null {
  switch (message.type) {
    case 'begin':
      reading = message.reading;
      splitter = new LineSplitter(message.offset, message.line, message.maxLineBytes, { maxBytes: message.maxDocumentBytes, startsLongLine });
      return null;
    case 'chunk': {
      if (reading === null || splitter === null) throw new Error('a chunk came before its file began');
      const columns = new ChunkColumns(reading);
      splitter.push(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength), (line) => columns.add(line));
      return { type: 'chunk', chunk: columns.finish() };
    }
    case 'finish': {
      if (splitter === null) throw new Error('a file finished before it began');
      const end = { offset: splitter.committedOffset, line: splitter.committedLine, tail: splitter.tail() };
      reading = null;
      splitter = null;
      return { type: 'finished', end };
    }
    case 'prepareTexts':
      throw new Error("the parse worker was asked for the enrichment's full text");
  }
}
