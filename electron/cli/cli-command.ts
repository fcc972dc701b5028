/** Where a command writes: its own output only, so scripts can parse stdout. */
export interface CliIo {
  readonly out: NodeJS.WriteStream;
  readonly err: NodeJS.WriteStream;
}

/** One CLI command: its usage line and what it does; returns the exit code. */
export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
