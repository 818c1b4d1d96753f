// Splits math notation into tokens. Accepts the Unicode minus sign U+2212 and the multiplication
// signs · and × that text pasted from PDFs and web pages contains.

import { ParseError } from './errors';

export type TokenKind = 'number' | 'name' | 'operator' | 'end';

export interface Token {
  kind: TokenKind;
  /** The canonical text: `-` for U+2212, `*` for · and ×, `^` for `**`. */
  text: string;
  value: number;
  offset: number;
  length: number;
}

const operatorAliases: ReadonlyMap<string, string> = new Map([
  ['+', '+'],
  ['-', '-'],
  ['\u2212', '-'],
  ['*', '*'],
  ['\u00b7', '*'],
  ['\u00d7', '*'],
  // GREEK ANO TELEIA, which Unicode normalizes to the middle dot ·
  ['\u0387', '*'],
  ['/', '/'],
  ['^', '^'],
  ['(', '('],
  [')', ')'],
  [',', ','],
  ['=', '='],
]);

const numberPattern = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
// Letters include the Greek alphabet (Α–Ω, α–ω and the variants ϑ ϕ ϖ ϰ ϱ ϵ) so that θ, α and λ
// work as parameter names; Greek punctuation such as U+0387 (·) and U+037E (;) does not.
const greek = '\u0391-\u03a9\u03b1-\u03c9\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5';
const namePattern = new RegExp(`[A-Za-z_${greek}][A-Za-z0-9_${greek}]*`, 'y');
const spacePattern = /\s+/y;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;

  while (offset < text.length) {
    spacePattern.lastIndex = offset;
    if (spacePattern.test(text)) {
      offset = spacePattern.lastIndex;
      continue;
    }
    const token = readToken(text, offset);
    tokens.push(token);
    offset += token.length;
  }

  tokens.push({ kind: 'end', text: '', value: NaN, offset: text.length, length: 0 });
  return tokens;
}

function readToken(text: string, offset: number): Token {
  if (text.startsWith('**', offset)) {
    return { kind: 'operator', text: '^', value: NaN, offset, length: 2 };
  }

  const operator = operatorAliases.get(text[offset]);
  if (operator !== undefined) {
    return { kind: 'operator', text: operator, value: NaN, offset, length: 1 };
  }

  const number = match(numberPattern, text, offset);
  if (number !== undefined) {
    return readNumber(text, offset, number);
  }

  const name = match(namePattern, text, offset);
  if (name !== undefined) {
    return { kind: 'name', text: name, value: NaN, offset, length: name.length };
  }

  const character = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  const code = (text.codePointAt(offset) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  throw new ParseError(`Unexpected character '${character}' (U+${code})`, offset, character.length, text);
}

function readNumber(text: string, offset: number, digits: string): Token {
  const value = Number(digits);
  if (!Number.isFinite(value)) {
    throw new ParseError(`The number ${digits} is too large for a 64-bit float`, offset, digits.length, text);
  }
  return { kind: 'number', text: digits, value, offset, length: digits.length };
}

function match(pattern: RegExp, text: string, offset: number): string | undefined {
  pattern.lastIndex = offset;
  const found = pattern.exec(text);
  return found === null ? undefined : found[0];
}
