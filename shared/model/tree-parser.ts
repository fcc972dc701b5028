import { TreeSyntaxError, type JsonTree } from './json-tree';

/**
 * What the lossless JSON parser and the Python literal parser share: a cursor
 * over the text from a start offset, one value per parse with nothing after it
 * but whitespace, and every failure a TreeSyntaxError at an offset. The grammars
 * (values, whitespace) are each parser's own.
 */
export abstract class TreeParser {
  protected position: number;

  constructor(
    protected readonly text: string,
    start: number,
    protected readonly maxDepth: number,
  ) {
    this.position = start;
  }

  /** One value, then only whitespace to the end of the text. */
  parseDocument(): JsonTree {
    this.skipWhitespace();
    const tree = this.parseValue(0);
    this.skipWhitespace();
    if (this.position < this.text.length) this.fail(this.trailingDataMessage());
    return tree;
  }

  /** What to say about text after the value. */
  protected abstract trailingDataMessage(): string;

  /** Parses the value at the cursor, `depth` containers deep. */
  protected abstract parseValue(depth: number): JsonTree;

  /** Moves the cursor over what the grammar counts as whitespace. */
  protected abstract skipWhitespace(): void;

  protected fail(reason: string, offset: number = this.position): never {
    throw new TreeSyntaxError(offset, reason);
  }
}
