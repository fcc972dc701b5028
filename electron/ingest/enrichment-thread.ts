// First: the code cache must be on before the families' modules are compiled.
import './worker-code-cache';
import type Database from 'better-sqlite3';
import { INDEX_FAMILY_RULES } from '../families/family-registry';
import { EnrichmentPreparation } from '../index/enrichment-preparation';
import { openIndexReadOnly } from '../index/open-index';
import { zoneForPath } from '../index/time-zone-settings';
import { answerInOrder } from './answer-in-order';
import type { EnrichmentAsk, FromParseWorker, ToParseWorker } from './parse-ahead-messages';
import { plainSearchText } from './plain-search-text';
import { renormalizeIn } from './renormalize-raw';

// Reads and derives the enrichment's next steps while the index writer stores the one before (enrichment-worker.ts).
let preparation: { readonly dbPath: string; readonly db: Database.Database; readonly steps: EnrichmentPreparation } | null = null;

/**
 * Pages of its own read-only connection's cache, negative in KiB: it reads
 * each step's events and blocks once, in order, so a small cache serves.
 */
const PREPARATION_CACHE_SIZE = -4096;

answerInOrder(handle);

function handle(message: ToParseWorker): FromParseWorker | null {
  if (message.type !== 'prepare') throw new Error(`the enrichment's worker was asked to ${message.type} a file`);
  return { type: 'prepared', step: preparationOf(message).next(message.afterId, message.limit, (path) => zoneForPath(message.timeZones, path)) };
}

/** The enrichment's steps read from the index the ask names, on a connection opened at the first ask and kept until the worker ends. */
function preparationOf(ask: EnrichmentAsk): EnrichmentPreparation {
  if (preparation?.dbPath !== ask.dbPath) {
    preparation?.db.close();
    const db = openIndexReadOnly(ask.dbPath, ask.nativeBinding === undefined ? {} : { nativeBinding: ask.nativeBinding });
    db.pragma(`cache_size = ${PREPARATION_CACHE_SIZE}`);
    preparation = { dbPath: ask.dbPath, db, steps: new EnrichmentPreparation(db, renormalizeIn, plainSearchText, INDEX_FAMILY_RULES) };
  }
  return preparation.steps;
}
