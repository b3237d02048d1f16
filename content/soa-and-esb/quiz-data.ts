import type { QuizQuestion } from '../../src/components/mdx/quiz-types.ts';

export const soaQuiz: QuizQuestion[] = [
  {
    id: 'esb-words',
    prompt: 'In "Enterprise Service Bus", what does the word "bus" refer to?',
    options: [
      { text: 'A vehicle that carries many passengers at once', correct: false, explanation: 'Not quite. The analogy the talk uses is from computer hardware, not transport.' },
      { text: 'The hardware element of a computer that carries signals between components', correct: true, explanation: 'Correct. Components attach to one shared channel instead of being wired to each other.' },
      { text: 'A batch job that runs every night', correct: false, explanation: 'Not quite. A bus carries messages as they happen, not in nightly batches.' },
    ],
  },
  {
    id: 'service-meaning',
    prompt: 'What is a "service" in the sense of the ESB?',
    options: [
      { text: 'A physical server in the data centre', correct: false, explanation: 'Not quite. A service is a logical unit, not a machine.' },
      { text: 'A logical, self-contained representation of a business process', correct: true, explanation: 'Correct. Billing, customers or shipping are services; where they run does not matter.' },
      { text: 'Any HTTP endpoint', correct: false, explanation: 'Not quite. An endpoint is a technical detail; the service is the business capability behind it.' },
    ],
  },
  {
    id: 'event-definition',
    prompt: 'Which of these are events rather than commands?',
    multiple: true,
    options: [
      { text: 'OrderPlaced', correct: true, explanation: 'Correct. A past-tense fact that consumers may react to.' },
      { text: 'ChargeCard', correct: false, explanation: 'Not quite. An imperative addressed to one handler is a command.' },
      { text: 'CourierAssigned', correct: true, explanation: 'Correct. It records a significant change in the state of a delivery.' },
      { text: 'SendWelcomeEmail', correct: false, explanation: 'Not quite. This is a command; the underlying fact is something like CustomerRegistered.' },
    ],
  },
  {
    id: 'chandy',
    prompt: 'Who is quoted in the talk for the definition of an event as "a significant change in state"?',
    options: [
      { text: 'K. Mani Chandy', correct: true, explanation: 'Correct. The talk attributes the definition to him.' },
      { text: 'Alberto Brandolini', correct: false, explanation: 'Not quite. Brandolini created Event Storming (module 5), but this definition is Chandy\'s.' },
      { text: 'Martin Fowler', correct: false, explanation: 'Not quite. The talk does not attribute this definition to Fowler.' },
    ],
  },
  {
    id: 'eventbridge-difference',
    prompt: 'According to the talk, what makes EventBridge different from a classic ESB?',
    multiple: true,
    options: [
      { text: 'It is completely serverless, with no management required', correct: true, explanation: 'Correct. No servers to size, patch or keep available.' },
      { text: 'It offers simple integration with existing AWS services', correct: true, explanation: 'Correct. AWS services are sources and targets out of the box.' },
      { text: 'It runs business workflows inside the bus', correct: false, explanation: 'Not quite. Keeping business logic out of the pipe is the point; EventBridge filters and lightly reshapes only.' },
    ],
  },
];
