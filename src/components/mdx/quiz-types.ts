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
