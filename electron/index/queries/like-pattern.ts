/** A LIKE pattern that matches `text` anywhere, its own `%`, `_` and `\` taken literally; pair it with `ESCAPE '\'`. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
