// The shape of quiz data. Lessons import their questions from a `quiz-data.ts` file next to them, so the
// content checks (src/content-checks) test exactly the data the page renders.
import { QUIZ_PREFIX } from '../../progress/progress-shape.ts';

export interface QuizOption {
  /** What the learner reads next to the radio button or checkbox. */
  text: string;
  /** Whether choosing this option is part of the right answer. */
  correct: boolean;
  /**
   * Why the option is right or wrong. It must start with "Correct" for a right option and with "Not quite"
   * for a wrong one: the page shows it as feedback and a content check keeps the two in agreement.
   */
  explanation: string;
}

export interface QuizQuestion {
  /** Stable id inside the lesson: it is part of the localStorage key, so renaming it forgets saved results. */
  id: string;
  prompt: string;
  /** Several options may be right: the page shows checkboxes and asks for all of them. */
  multiple?: boolean;
  options: QuizOption[];
}

/** localStorage key that remembers a question answered correctly. */
export function quizStorageKey(lesson: string, questionId: string): string {
  return `${QUIZ_PREFIX}${lesson}:${questionId}`;
}

/** Indices of the right options, in order. */
export function correctIndices(q: QuizQuestion): number[] {
  return q.options.flatMap((o, i) => (o.correct ? [i] : []));
}

/** True when the chosen indices are exactly the right ones. */
export function isRightAnswer(q: QuizQuestion, chosen: readonly number[]): boolean {
  const right = correctIndices(q);
  const picked = [...new Set(chosen)].sort((a, b) => a - b);
  return picked.length === right.length && picked.every((v, i) => v === right[i]);
}

/**
 * What a wrong answer is told. A single-choice question has one right option, so choosing another one is simply
 * "not this one": counting "missing" options there would suggest that several answers are expected.
 */
export function wrongAnswerFeedback(chosen: readonly number[], right: readonly number[], multiple: boolean): string {
  const tail = 'Read the explanation under your choice and try again.';
  if (!multiple) return `Not quite. That is not the right option. ${tail}`;
  const wrong = chosen.filter((i) => !right.includes(i)).length;
  const missed = right.filter((i) => !chosen.includes(i)).length;
  const parts = ['Not quite.'];
  if (wrong > 0) parts.push(wrong === 1 ? 'One option you chose is wrong.' : `${wrong} options you chose are wrong.`);
  if (missed > 0) parts.push(missed === 1 ? 'One right option is missing.' : `${missed} right options are missing.`);
  parts.push(tail);
  return parts.join(' ');
}
