// Short, single-line excerpts of the user's text for titles and log lines.

/** Maximum number of characters of the user's text that reach the log. */
export const logExcerptLength = 80;

/**
 * Returns the first `maxLength` characters of `text` on one line, with line breaks and tabs shown
 * as spaces and an ellipsis when something was cut.
 */
export function excerpt(text: string, maxLength: number): string {
  const head = text.slice(0, maxLength).replace(/[\r\n\t]+/g, ' ');
  return text.length > maxLength ? `${head}…` : head;
}
