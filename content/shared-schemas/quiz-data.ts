import type { QuizQuestion } from '../../src/components/mdx/quiz-types.ts';

export const schemasQuiz: QuizQuestion[] = [
  {
    id: 'share-what',
    prompt: 'Which statement matches the talk\'s advice on what teams share?',
    options: [
      { text: 'Share a database, so all teams see the same data', correct: false, explanation: 'Not quite. Shared data couples teams through table layouts and access patterns.' },
      { text: 'Share schema, not data and code', correct: true, explanation: 'Correct. The event schema is the contract; data and business code stay private.' },
      { text: 'Share a library of business classes, so types always agree', correct: false, explanation: 'Not quite. A shared library ties every team to the same release schedule.' },
    ],
  },
  {
    id: 'created-at',
    prompt: 'In the talk\'s schema, created_at has type string and format date-time. Which value is valid?',
    options: [
      { text: '"2026-03-14T12:30:00Z"', correct: true, explanation: 'Correct. An RFC 3339 timestamp with a time-zone designator.' },
      { text: '"14/03/2026"', correct: false, explanation: 'Not quite. A date in local notation is not a date-time value.' },
      { text: '1773491400', correct: false, explanation: 'Not quite. A number is not a string, whatever it encodes.' },
    ],
  },
  {
    id: 'int64',
    prompt: 'Why does the int64 format of "ordinal" deserve attention in JavaScript consumers?',
    options: [
      { text: 'JavaScript numbers are exact only up to 2^53 − 1, smaller than the int64 range', correct: true, explanation: 'Correct. Very large ordinals would lose precision when parsed as numbers.' },
      { text: 'JavaScript cannot read numbers from JSON', correct: false, explanation: 'Not quite. It can; the issue is precision for very large integers.' },
      { text: 'int64 means the value is a string', correct: false, explanation: 'Not quite. The type is number; int64 narrows it to 64-bit integers.' },
    ],
  },
  {
    id: 'breaking',
    prompt: 'Which changes to an event break consumers written for the old version?',
    multiple: true,
    options: [
      { text: 'Renaming created_at to createdAt', correct: true, explanation: 'Correct. A rename is a removal plus an addition for old consumers.' },
      { text: 'Adding an optional deliveryNotes field', correct: false, explanation: 'Not quite. Tolerant readers ignore unknown fields, so this is safe.' },
      { text: 'Changing address from a string to an object', correct: true, explanation: 'Correct. A type change breaks code that expects a string.' },
      { text: 'Sending price in cents instead of euros under the same name', correct: true, explanation: 'Correct. A change of meaning breaks consumers silently, the worst case.' },
    ],
  },
  {
    id: 'rollout',
    prompt: 'What is the safest way to introduce a structured address?',
    options: [
      { text: 'Change the field\'s type on a Friday and tell everyone', correct: false, explanation: 'Not quite. Every consumer would have to deploy at the same moment: a big-bang release.' },
      { text: 'Publish version 2 alongside version 1, let consumers migrate, then retire version 1', correct: true, explanation: 'Correct. Side-by-side versions let each team move on its own schedule.' },
      { text: 'Ask consumers to read the producer\'s database instead', correct: false, explanation: 'Not quite. That replaces a schema with shared data, the strongest coupling.' },
    ],
  },
];
