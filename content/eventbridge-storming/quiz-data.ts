import type { QuizQuestion } from '../../src/components/mdx/quiz-types.ts';

export const stormingQuiz: QuizQuestion[] = [
  {
    id: 'order-of-steps',
    prompt: 'Which step comes straight after temporal sequencing and the triggers, when events are grouped by business object?',
    options: [
      { text: 'Categorise into entities and aggregates', correct: true, explanation: 'Correct. That is step 4.' },
      { text: 'Create a single EventBridge bus', correct: false, explanation: 'Not quite. The bus is step 7, once services are named.' },
      { text: 'Build a shared schema', correct: false, explanation: 'Not quite. The schema is the last step, step 8.' },
    ],
  },
  {
    id: 'two-contexts',
    prompt: 'An aggregate appears in two bounded contexts. How many microservices should handle it?',
    options: [
      { text: 'One shared service, to avoid duplication', correct: false, explanation: 'Not quite. A shared service would couple two contexts that use the aggregate differently.' },
      { text: 'Two independent services, one per context', correct: true, explanation: 'Correct. The divergent business processes each get their own service.' },
      { text: 'None: it should become a database view', correct: false, explanation: 'Not quite. Sharing data is what the method avoids.' },
    ],
  },
  {
    id: 'services-per-context',
    prompt: 'Can one bounded context contain several microservices?',
    options: [
      { text: 'Yes, corresponding to its underlying aggregates and entities', correct: true, explanation: 'Correct. The context is a boundary of language and ownership; inside it a team may deploy several services.' },
      { text: 'No, exactly one service per context', correct: false, explanation: 'Not quite. The talk explicitly allows several services in one context.' },
    ],
  },
  {
    id: 'share',
    prompt: 'According to the talk, what should teams share?',
    options: [
      { text: 'Data, through a common database', correct: false, explanation: 'Not quite. Shared data couples services; each masters its own.' },
      { text: 'Code, through a library of business classes', correct: false, explanation: 'Not quite. Shared code forces teams to upgrade and deploy together.' },
      { text: 'Schema: the agreed title, structure and types of events', correct: true, explanation: 'Correct. Teams share schema, not data and code.' },
    ],
  },
  {
    id: 'policy-to-rule',
    prompt: 'The wall has a policy: "whenever an order is accepted, assign a courier". What does it usually become on EventBridge?',
    options: [
      { text: 'A rule on the bus matching OrderAccepted, whose target is the delivery service', correct: true, explanation: 'Correct. The event becomes the pattern; the command becomes the target\'s job.' },
      { text: 'A synchronous call from the kitchen service to the delivery service', correct: false, explanation: 'Not quite. That would couple the services; the bus and a rule remove the call.' },
      { text: 'A new bus for the delivery team', correct: false, explanation: 'Not quite. The method uses a single bus; consumers add rules to it.' },
    ],
  },
];
