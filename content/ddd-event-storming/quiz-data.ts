import type { QuizQuestion } from '../../src/components/mdx/quiz-types.ts';

export const dddQuiz: QuizQuestion[] = [
  {
    id: 'brandolini',
    prompt: 'Who created Event Storming?',
    options: [
      { text: 'Eric Evans', correct: false, explanation: 'Not quite. Evans described domain-driven design; Event Storming came later, from someone else.' },
      { text: 'Alberto Brandolini', correct: true, explanation: 'Correct. The talk credits him with the workshop.' },
      { text: 'Ben Ellerby', correct: false, explanation: 'Not quite. Ben Ellerby created EventBridge Storming, a variant of Event Storming.' },
    ],
  },
  {
    id: 'event-vs-command',
    prompt: 'On an Event Storming wall, which notes are domain events?',
    multiple: true,
    options: [
      { text: 'Order placed', correct: true, explanation: 'Correct. A past-tense business fact: an orange note.' },
      { text: 'Assign courier', correct: false, explanation: 'Not quite. An imperative request is a command: a blue note.' },
      { text: 'Payment authorised', correct: true, explanation: 'Correct. Something that happened, named in the past tense.' },
      { text: 'Customer', correct: false, explanation: 'Not quite. A person or role is an actor.' },
    ],
  },
  {
    id: 'aggregate',
    prompt: 'What does an aggregate do?',
    options: [
      { text: 'It accepts commands, enforces business rules and emits events', correct: true, explanation: 'Correct. It is the unit of consistency where decisions are made.' },
      { text: 'It stores every event of the whole system', correct: false, explanation: 'Not quite. That sounds like an archive; an aggregate owns one cluster of business objects.' },
      { text: 'It is the database table behind a service', correct: false, explanation: 'Not quite. An aggregate is a business concept; how it is stored is a separate decision.' },
    ],
  },
  {
    id: 'bc-definition',
    prompt: 'Which describe a bounded context as the talk presents it?',
    multiple: true,
    options: [
      { text: 'A boundary of language consistency', correct: true, explanation: 'Correct. Inside it, each word has one meaning.' },
      { text: 'Owned by a single team', correct: true, explanation: 'Correct. One team, so decisions stay local.' },
      { text: 'Few stakeholders', correct: true, explanation: 'Correct. Fewer people to agree means faster change.' },
      { text: 'One per database table', correct: false, explanation: 'Not quite. Contexts follow the business language, not the storage layout.' },
    ],
  },
  {
    id: 'duplicate',
    prompt: 'The Order aggregate appears in both the Ordering and Kitchen contexts. What does the talk recommend?',
    options: [
      { text: 'Build one shared Order service both contexts call', correct: false, explanation: 'Not quite. A shared model couples the two contexts\' changes and releases.' },
      { text: 'Duplicate it: each context keeps its own model, kept in sync through events', correct: true, explanation: 'Correct. Duplication reduces coupling because the contexts use the order in different ways.' },
      { text: 'Merge the two contexts into one', correct: false, explanation: 'Not quite. Different language and different teams are signs they are separate contexts.' },
    ],
  },
];
