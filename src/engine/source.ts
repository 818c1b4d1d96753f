// Normalises selected text before it is parsed: unified line endings, common indentation removed and
// trailing blank lines dropped. An offset in the normalised text maps back to the selection, so that
// a parse error can be shown at its exact place in the editor.

/** Normalised text and the map from its offsets back to the original text. */
export interface NormalisedSource {
  text: string;
  /** Maps an offset in `text` (0 … text.length) to the offset of the same character in the original. */
  toOriginalOffset(offset: number): number;
}

/** One line of the original text after normalisation. */
interface LineSpan {
  /** Offset of the line's first kept character in the normalised text. */
  normalisedStart: number;
  /** Offset of the same character in the original text. */
  originalStart: number;
  /** Number of characters kept from this line. */
  length: number;
}

interface OriginalLine {
  start: number;
  content: string;
}

const leadingWhitespace = /^[ \t]*/;

/**
 * Normalises a selection: CRLF and CR become LF, the longest indentation prefix shared exactly by
 * every non-blank line is removed, lines of only spaces and tabs become empty, and trailing blank
 * lines are removed. Tabs are not expanded, so four spaces and a tab share no prefix.
 */
export function normaliseSource(original: string): NormalisedSource {
  const lines = splitLines(original);
  const lastContentLine = findLastContentLine(lines);
  const kept = lines.slice(0, lastContentLine + 1);
  const indent = commonIndentation(kept);

  const spans: LineSpan[] = [];
  const pieces: string[] = [];
  let normalisedStart = 0;
  for (const line of kept) {
    const removed = isBlank(line.content) ? line.content.length : indent.length;
    const piece = line.content.slice(removed);
    spans.push({ normalisedStart, originalStart: line.start + removed, length: piece.length });
    pieces.push(piece);

    // One LF joins consecutive lines in the normalised text.
    normalisedStart += piece.length + 1;
  }

  const text = pieces.join('\n');
  return { text, toOriginalOffset: (offset) => mapOffset(spans, text.length, original.length, offset) };
}

/** Splits on LF, CRLF and CR, remembering where each line starts in the original. */
function splitLines(original: string): OriginalLine[] {
  const lines: OriginalLine[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;

  for (let match = lineBreak.exec(original); match !== null; match = lineBreak.exec(original)) {
    lines.push({ start, content: original.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, content: original.slice(start) });
  return lines;
}

function indentationOf(content: string): string {
  return leadingWhitespace.exec(content)?.[0] ?? '';
}

function isBlank(content: string): boolean {
  return indentationOf(content).length === content.length;
}

/** Index of the last line with something other than spaces and tabs, or -1 when there is none. */
function findLastContentLine(lines: readonly OriginalLine[]): number {
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    if (!isBlank(lines[index].content)) {
      return index;
    }
  }
  return -1;
}

/** Longest run of leading spaces and tabs that every non-blank line starts with, character for character. */
function commonIndentation(lines: readonly OriginalLine[]): string {
  let common: string | undefined;

  for (const line of lines) {
    if (isBlank(line.content)) {
      continue;
    }
    const indent = indentationOf(line.content);
    common = common === undefined ? indent : sharedPrefix(common, indent);
    if (common.length === 0) {
      break;
    }
  }
  return common ?? '';
}

function sharedPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) {
    length += 1;
  }
  return a.slice(0, length);
}

/**
 * Finds the line that contains `offset` by binary search and shifts the offset by that line's
 * removed indentation and line-ending differences. An offset at a line's end maps to the start of
 * the original line break, and offsets outside the text are clamped to it first.
 */
function mapOffset(
  spans: readonly LineSpan[],
  textLength: number,
  originalLength: number,
  offset: number,
): number {
  if (spans.length === 0) {
    return Math.min(Math.max(offset, 0), originalLength);
  }
  const clamped = Math.min(Math.max(Math.trunc(offset), 0), textLength);

  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (spans[middle].normalisedStart <= clamped) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }

  const span = spans[low];
  const column = Math.min(clamped - span.normalisedStart, span.length);
  return span.originalStart + column;
}
