import { parentPort } from 'node:worker_threads';
import type { FromParseWorker, ToParseWorker } from './parse-ahead-messages';

/**
 * Serves a worker thread started by ParseAhead: answers each message with what
 * `handle` returns (nothing when null), in the order asked, a thrown error as
 * `failed`; says `ready` once listening.
 */
export function answerInOrder(handle: (message: ToParseWorker) => FromParseWorker | null): void {
  const port = parentPort;
  if (!port) throw new Error('a ParseAhead worker must run as a worker thread');
  port.on('message', (message: ToParseWorker) => {
    let answer: FromParseWorker | null;
    try {
      answer = handle(message);
    } catch (error) {
      answer = { type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    // Copied, not transferred: a small deflated block may share its memory with Node's buffer pool.
    if (answer !== null) port.postMessage(answer);
  });
  port.postMessage({ type: 'ready' } satisfies FromParseWorker);
}
