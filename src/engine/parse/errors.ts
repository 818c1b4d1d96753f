// Parse errors carry the offset into the text that was parsed, so the host can underline the exact
// range in the editor and the CLI can print a line and column.

export class ParseError extends Error {
  override readonly name = 'ParseError';
  /** 1-based line and column of `offset`, counted in UTF-16 code units like VS Code does. */
  readonly line: number;
  readonly column: number;

  constructor(
    /** The problem without its position, for callers that state the position themselves. */
    readonly description: string,
    readonly offset: number,
    readonly length: number,
    text: string,
  ) {
    const { line, column } = lineAndColumn(text, offset);
    const place = text.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
    super(`${description} (at ${place}).`);
    this.line = line;
    this.column = column;
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
