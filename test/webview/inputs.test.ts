import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  learningRateRule,
  learningRateToSlider,
  maxIterationsRule,
  parseNumberInput,
  sliderScale,
  sliderToLearningRate,
  startPointRule,
} from '../../src/webview/inputs';

describe('learning-rate slider scale', () => {
  it('spans 1e-5 to 10 in decades', () => {
    assert.equal(sliderScale.min, -5);
    assert.equal(sliderScale.max, 1);
  });

  const positions: [number, number][] = [
    // [slider position, learning rate]: 10^position rounded to 3 significant digits.
    [-5, 1e-5],
    [-3, 0.001],
    [-0.5, 0.316],
    [0, 1],
    [1, 10],
    [7, 10],
  ];
  for (const [position, learningRate] of positions) {
    it(`maps position ${position} to ${learningRate}`, () => {
      assert.equal(sliderToLearningRate(position), learningRate);
    });
  }

  it('puts 0 at the left end', () => {
    assert.equal(learningRateToSlider(0), sliderScale.min);
  });

  it('puts rates below 1e-5 at the left end', () => {
    assert.equal(learningRateToSlider(1e-9), sliderScale.min);
  });

  it('round-trips a rate through the slider', () => {
    assert.equal(sliderToLearningRate(learningRateToSlider(0.02)), 0.02);
  });
});

describe('number input parsing', () => {
  const cases: {
    name: string;
    text: string;
    badInput?: boolean;
    rule: typeof learningRateRule;
    expected: number | string;
  }[] = [
    { name: 'zero learning rate', text: '0', rule: learningRateRule, expected: 0 },
    { name: 'exponent form', text: '1e-3', rule: learningRateRule, expected: 0.001 },
    { name: 'surrounding spaces', text: ' 0.5 ', rule: learningRateRule, expected: 0.5 },
    { name: 'empty text', text: '', rule: learningRateRule, expected: 'Enter a value.' },
    { name: 'unparsed text', text: '', badInput: true, rule: learningRateRule, expected: 'Enter a number.' },
    { name: 'negative rate', text: '-1', rule: learningRateRule, expected: 'Enter a number from 0 to 10.' },
    { name: 'rate above 10', text: '11', rule: learningRateRule, expected: 'Enter a number from 0 to 10.' },
    {
      name: 'fractional iterations',
      text: '2.5',
      rule: maxIterationsRule,
      expected: 'Enter a whole number.',
    },
    {
      name: 'start beyond 1e6',
      text: '1e7',
      rule: startPointRule,
      expected: 'Enter a number from -1000000 to 1000000.',
    },
    {
      name: 'infinite start',
      text: 'Infinity',
      rule: startPointRule,
      expected: '"Infinity" is not a number.',
    },
  ];

  for (const { name, text, badInput, rule, expected } of cases) {
    it(`handles ${name}`, () => {
      const parsed = parseNumberInput(text, badInput ?? false, rule);
      if (typeof expected === 'number') {
        assert.deepEqual(parsed, { ok: true, value: expected });
      } else {
        assert.deepEqual(parsed, { ok: false, message: expected });
      }
    });
  }
});
