// First: the code cache must be on before the families' modules are compiled.
import './worker-code-cache';
import type Database from 'better-sqlite3';
import { FullTextPreparation } from '../index/full-text-preparation';
import { openIndexReadOnly } from '../index/open-index';
import { answerInOrder } from './answer-in-order';
import type { FromParseWorker, TextsAsk, ToParseWorker } from './parse-ahead-messages';
import { SEARCH_READERS } from './search-readers';

// Derives the search texts of the enrichment's next steps while the index writer stores the one before (full-text-worker.ts).
let preparation: { readonly dbPath: string; readonly db: Database.Database; readonly texts: FullTextPreparation } | null = null;

/**
 * Pages of its own read-only connection's cache, negative in KiB: it reads
 * each step's events and blocks once, in order, so a small cache serves.
 */
const PREPARATION_CACHE_SIZE = -2048;

answerInOrder(handle);

function handle(message: ToParseWorker): FromParseWorker | null {
  if (message.type !== 'prepareTexts') throw new Error(`the full-text worker was asked to ${message.type} a file`);
  return { type: 'texts', step: preparationOf(message).next(message.afterId, message.limit) };
}

/** The steps read from the index the ask names, on a connection opened at the first ask and kept until the worker ends. */
function preparationOf(ask: TextsAsk): FullTextPreparation {
  if (preparation?.dbPath !== ask.dbPath) {
    preparation?.db.close();
    const db = openIndexReadOnly(ask.dbPath, ask.nativeBinding === undefined ? {} : { nativeBinding: ask.nativeBinding });
    db.pragma(`cache_size = ${PREPARATION_CACHE_SIZE}`);
    preparation = { dbPath: ask.dbPath, db, texts: new FullTextPreparation(db, SEARCH_READERS) };
  }
  return preparation.texts;
}
