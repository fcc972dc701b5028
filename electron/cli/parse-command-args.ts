import { parseArgs } from 'node:util';
import { UsageError } from './usage-error';

/** Parsed options and positionals of one command. */
export interface CommandArgs {
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
}

/** parseArgs with strict checking, turning its errors into usage errors (exit code 2). */
export function parseCommandArgs(args: readonly string[], options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>): CommandArgs {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
