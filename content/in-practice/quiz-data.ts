import type { QuizQuestion } from '../../src/components/mdx/quiz-types.ts';

export const practiceQuiz: QuizQuestion[] = [
  {
    id: 'detail-string',
    prompt: 'In a PutEvents entry sent with the AWS SDK for JavaScript, what type is Detail?',
    options: [
      { text: 'A JavaScript object', correct: false, explanation: 'Not quite. The API expects text; pass JSON.stringify(yourObject).' },
      { text: 'A string containing JSON', correct: true, explanation: 'Correct. Build it with JSON.stringify.' },
      { text: 'A Buffer of bytes', correct: false, explanation: 'Not quite. It is a plain string.' },
    ],
  },
  {
    id: 'cli',
    prompt: 'Which command puts an event on a bus from the terminal?',
    options: [
      { text: 'aws events put-events --entries file://entries.json', correct: true, explanation: 'Correct. The entries follow the PutEvents request shape.' },
      { text: 'aws eventbridge send --event entries.json', correct: false, explanation: 'Not quite. The CLI namespace for EventBridge is "events", and the command is put-events.' },
      { text: 'aws events test-event-pattern', correct: false, explanation: 'Not quite. That only checks a pattern against an event; nothing is published.' },
    ],
  },
  {
    id: 'serverless-yml',
    prompt: 'In serverless.yml, what subscribes a function to events on a custom bus?',
    options: [
      { text: 'An eventBridge event with eventBus and pattern', correct: true, explanation: 'Correct. The framework creates the rule, the target and the permission.' },
      { text: 'An http event with path /events', correct: false, explanation: 'Not quite. That creates an API endpoint, not a rule.' },
      { text: 'Nothing: functions receive every event automatically', correct: false, explanation: 'Not quite. A function receives events only through a rule that targets it.' },
    ],
  },
  {
    id: 'emulator',
    prompt: 'How do you point the AWS SDK at the course emulator?',
    options: [
      { text: 'Set endpoint to http://127.0.0.1:4010 in the client configuration', correct: true, explanation: 'Correct. Any credentials work, and the region comes from the configuration.' },
      { text: 'Install a different SDK package', correct: false, explanation: 'Not quite. The standard @aws-sdk/client-eventbridge works unchanged.' },
      { text: 'Set the region to "local"', correct: false, explanation: 'Not quite. The region alone does not change where requests go; the endpoint does.' },
    ],
  },
  {
    id: 'observe',
    prompt: 'Which practices help you see what happened on a bus?',
    multiple: true,
    options: [
      { text: 'A catch-all rule sending every event to a CloudWatch Logs log group', correct: true, explanation: 'Correct. It gives a searchable history of every event.' },
      { text: 'An archive on the bus, replayed when needed', correct: true, explanation: 'Correct. Archives let you re-run a time window after fixing a consumer.' },
      { text: 'Calling each consumer synchronously to ask if it got the event', correct: false, explanation: 'Not quite. That reintroduces the coupling the bus removes.' },
    ],
  },
];
