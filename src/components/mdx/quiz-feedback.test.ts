import { describe, expect, it } from 'vitest';
import { wrongAnswerFeedback } from './quiz-types.ts';

describe('quiz feedback on a wrong answer', () => {
  it('never tells a single-choice learner that a right option is missing', () => {
    const text = wrongAnswerFeedback([0], [1], false);
    expect(text).toMatch(/^Not quite\./);
    expect(text).not.toMatch(/missing/);
  });

  it('counts wrong and missing options on a multiple-choice question', () => {
    expect(wrongAnswerFeedback([0, 2], [1, 2, 3], true)).toBe(
      'Not quite. One option you chose is wrong. 2 right options are missing. Read the explanation under your choice and try again.',
    );
    expect(wrongAnswerFeedback([1], [1, 2], true)).toMatch(/One right option is missing\./);
  });
});
