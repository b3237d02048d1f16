import type { QuizQuestion } from '../../src/components/mdx/quiz-types.ts';
import { MAX_EVENT_SIZE_TEXT, MAX_PUT_EVENTS_ENTRIES } from '../../src/eventbridge/limits.ts';

export const eventbridgeQuiz: QuizQuestion[] = [
  {
    id: 'producer-fields',
    prompt: 'Which envelope fields does a producer set when it calls PutEvents?',
    multiple: true,
    options: [
      { text: 'source', correct: true, explanation: 'Correct. The producer names itself, for example food.orders.' },
      { text: 'detail-type', correct: true, explanation: 'Correct. The producer says what kind of event it is.' },
      { text: 'id', correct: false, explanation: 'Not quite. EventBridge generates a UUID for every event.' },
      { text: 'account', correct: false, explanation: 'Not quite. EventBridge fills in the account the event came from.' },
      { text: 'detail', correct: true, explanation: 'Correct. The producer supplies its own data, as a JSON string in the Detail parameter.' },
    ],
  },
  {
    id: 'putevents-limits',
    prompt: 'What are the limits of one PutEvents call?',
    options: [
      { text: `Up to ${MAX_PUT_EVENTS_ENTRIES} entries, each at most ${MAX_EVENT_SIZE_TEXT}`, correct: true, explanation: `Correct. Batch in tens; the entry limit has been ${MAX_EVENT_SIZE_TEXT} since 2026-01-29, and small events are still better.` },
      { text: `Up to ${MAX_PUT_EVENTS_ENTRIES} entries, each at most 256 KB`, correct: false, explanation: `Not quite. 256 KB was the limit until 2026-01-29, when AWS raised it to ${MAX_EVENT_SIZE_TEXT}; some API pages still show the old figure.` },
      { text: `Up to 100 entries, each at most ${MAX_EVENT_SIZE_TEXT}`, correct: false, explanation: `Not quite. ${MAX_EVENT_SIZE_TEXT} per entry is right, but one call takes at most ${MAX_PUT_EVENTS_ENTRIES} entries.` },
      { text: 'Exactly one entry of any size', correct: false, explanation: 'Not quite. You can batch up to 10 entries, and each has a size limit.' },
    ],
  },
  {
    id: 'and-or',
    prompt: 'A pattern is {"source": ["food.orders"], "detail": {"currency": ["EUR", "USD"]}}. Which event matches?',
    options: [
      { text: 'source food.orders, detail.currency GBP', correct: false, explanation: 'Not quite. GBP is not in the currency list, and every field must match.' },
      { text: 'source food.orders, detail.currency USD', correct: true, explanation: 'Correct. Both fields match; USD is one of the accepted values.' },
      { text: 'source food.payments, detail.currency EUR', correct: false, explanation: 'Not quite. The source does not match, so the event is rejected even though currency does.' },
    ],
  },
  {
    id: 'targets',
    prompt: 'How many targets can one rule have at a time?',
    options: [
      { text: 'One', correct: false, explanation: 'Not quite. A rule can fan out to several targets.' },
      { text: 'Five', correct: true, explanation: 'Correct. Each rule can have up to five targets.' },
      { text: 'Unlimited', correct: false, explanation: 'Not quite. There is a limit of five; more consumers should usually own their own rules.' },
    ],
  },
  {
    id: 'retries',
    prompt: 'A target is down. What does EventBridge do by default?',
    options: [
      { text: 'Drops the event immediately', correct: false, explanation: 'Not quite. It retries first.' },
      { text: 'Retries with back-off for up to 24 hours and 185 attempts, then drops it unless a dead-letter queue is set', correct: true, explanation: 'Correct. Configure a DLQ to keep events that exhaust their retries.' },
      { text: 'Retries forever until the target comes back', correct: false, explanation: 'Not quite. Retries are bounded by age and number of attempts.' },
    ],
  },
  {
    id: 'replay',
    prompt: 'Which statements about replaying archived events are true?',
    multiple: true,
    options: [
      { text: 'Replayed events carry a replay-name field', correct: true, explanation: 'Correct. Consumers can use it to tell replays from live events.' },
      { text: 'Replayed events always arrive in exactly their original order', correct: false, explanation: 'Not quite. Order is not guaranteed; replays proceed minute by minute.' },
      { text: 'A replay can send archived events straight to a test bus', correct: false, explanation: 'Not quite. A replay goes only to the bus the archive was created on; a rule on that bus matching replay-name can forward the events to another bus.' },
      { text: 'Idempotent consumers make replays safe', correct: true, explanation: 'Correct. A consumer that skips events it already handled can receive a replay without harm.' },
    ],
  },
];
