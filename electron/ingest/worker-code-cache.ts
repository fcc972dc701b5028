import { workerData } from 'node:worker_threads';
import { enableCodeCache, type CodeCacheWorkerData } from './code-cache';

// Imported first by each worker's entry module, for its side effect: the code
// cache must be on before the imports that are worth caching are compiled.
enableCodeCache((workerData as CodeCacheWorkerData | null | undefined)?.codeCacheDir);
