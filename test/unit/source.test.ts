import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { normaliseSource } from '../../src/engine/source';

describe('normaliseSource text', () => {
  const cases: { name: string; input: string; expected: string }[] = [
    { name: 'single line unchanged', input: '(1-x)^2 + 100*(y-x^2)^2', expected: '(1-x)^2 + 100*(y-x^2)^2' },
    { name: 'CRLF becomes LF', input: 'x^2 +\r\n  y^2', expected: 'x^2 +\n  y^2' },
    { name: 'lone CR becomes LF', input: 'x^2 +\r  y^2', expected: 'x^2 +\n  y^2' },
    { name: 'mixed line endings', input: 'a\r\nb\rc\nd', expected: 'a\nb\nc\nd' },
    { name: 'space-indented block dedents', input: '    x^2 +\n      y^2', expected: 'x^2 +\n  y^2' },
    { name: 'tab-indented block dedents', input: '\t\tx^2 +\n\t\t\ty^2', expected: 'x^2 +\n\ty^2' },
    { name: 'leading spaces on one line', input: '   x^2 + 1', expected: 'x^2 + 1' },
    {
      name: 'spaces and tabs share no prefix',
      input: '    x^2 +\n\ty^2',
      expected: '    x^2 +\n\ty^2',
    },
    {
      name: 'only the exact common prefix goes',
      input: '  \t x^2 +\n  \t\ty^2',
      expected: ' x^2 +\n\ty^2',
    },
    { name: 'trailing blank lines trimmed', input: 'x^2\n\n   \n\t\n', expected: 'x^2' },
    { name: 'trailing CRLF blank lines trimmed', input: '  x^2\r\n\r\n', expected: 'x^2' },
    {
      name: 'inner blank line ignored for indentation',
      input: '    x^2 +\n\n    y^2',
      expected: 'x^2 +\n\ny^2',
    },
    {
      name: 'inner whitespace-only line emptied',
      input: '    x^2 +\n  \n    y^2',
      expected: 'x^2 +\n\ny^2',
    },
    { name: 'whitespace only becomes empty', input: ' \t\r\n  ', expected: '' },
    { name: 'empty stays empty', input: '', expected: '' },
  ];

  for (const { name, input, expected } of cases) {
    it(name, () => {
      assert.equal(normaliseSource(input).text, expected);
    });
  }
});

describe('normaliseSource offsets', () => {
  it('CRLF text gives the same columns as LF text', () => {
    const lf = normaliseSource('  x^2 +\n  (y +\n  * 2)');
    const crlf = normaliseSource('  x^2 +\r\n  (y +\r\n  * 2)');

    assert.equal(crlf.text, lf.text);
    assert.equal(crlf.text.indexOf('*'), lf.text.indexOf('*'));
  });

  it('maps every kept character back to the same character', () => {
    const inputs = [
      '(1-x)^2 + 100*(y-x^2)^2',
      '    x^2 +\r\n      y^2\r\n\r\n',
      '\t\tsin(x) *\r\t\t\tcos(y)',
      '  a\n\n  b\r\n   c',
      '    x^2 +\n\ty^2',
    ];
    for (const input of inputs) {
      const source = normaliseSource(input);
      for (let offset = 0; offset < source.text.length; offset += 1) {
        const character = source.text[offset];
        if (character === '\n') {
          continue;
        }
        const original = source.toOriginalOffset(offset);
        assert.equal(input[original], character, `offset ${offset} of ${JSON.stringify(input)}`);
      }
    }
  });

  it('maps a line end to the start of the original line break', () => {
    const input = '  x +\r\n  y';
    const source = normaliseSource(input);
    const lineEnd = source.text.indexOf('\n');

    assert.equal(input.slice(source.toOriginalOffset(lineEnd), source.toOriginalOffset(lineEnd) + 2), '\r\n');
  });

  it('maps the end of the text past its last character', () => {
    // 'y' is the last kept character, at original offset 9, so the end of the text maps to 10.
    const source = normaliseSource('  x +\r\n  y\r\n\r\n');

    assert.equal(source.toOriginalOffset(source.text.length), 10);
  });

  it('clamps offsets outside the text', () => {
    const source = normaliseSource('   x^2');

    assert.equal(source.toOriginalOffset(-5), 3);
    assert.equal(source.toOriginalOffset(100), 6);
  });

  it('maps an error offset in a dedented CRLF block', () => {
    const input = '\t\tx^2 +\r\n\t\t(y + * 2)';
    const source = normaliseSource(input);
    const star = source.text.indexOf('*');

    assert.equal(source.toOriginalOffset(star), input.indexOf('*'));
  });

  it('maps offsets in text that was only whitespace', () => {
    const source = normaliseSource('  \n  ');

    assert.equal(source.toOriginalOffset(0), 0);
  });
});
