/** The run name of a cycle run id: what follows its last `/` (the whole id when it has none). */
export function runName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}
