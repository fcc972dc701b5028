import { join } from 'node:path';

/**
 * The folder of files written by the real producers (`../shared/samples/producers`
 * beside the repository, where CI has it too): tests read it in place, never copy or edit it.
 */
// Compiled to dist/test/support: the repository root is three folders up.
export const PRODUCER_SAMPLES = join(__dirname, '..', '..', '..', '..', 'shared', 'samples', 'producers');
