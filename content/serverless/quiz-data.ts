import type { QuizQuestion } from '../../src/components/mdx/quiz-types.ts';

export const serverlessQuiz: QuizQuestion[] = [
  {
    id: 'two-meanings',
    prompt: 'Which two things does the word "serverless" name in this course?',
    multiple: true,
    options: [
      { text: 'An architectural movement: building without looking after servers yourself', correct: true, explanation: 'Correct. The movement is about handing the running of machines to the provider.' },
      { text: 'A framework that deploys functions from a serverless.yml file', correct: true, explanation: 'Correct. The Serverless Framework shares the name; module 8 uses its open-source continuation, osls.' },
      { text: 'A kind of computer with no operating system', correct: false, explanation: 'Not quite. Servers still exist and still run operating systems; the provider looks after them.' },
      { text: 'A pricing plan in which everything is free', correct: false, explanation: 'Not quite. You pay for use: little or nothing when idle, more as traffic grows.' },
    ],
  },
  {
    id: 'lessops',
    prompt: 'A colleague says "we went serverless, so there is no operations work left". What is the best answer?',
    options: [
      { text: 'Right: the provider now does all operations.', correct: false, explanation: 'Not quite. Monitoring, alarms, permissions and failure handling still belong to your team.' },
      { text: 'It is "less ops": patching and capacity move to the provider, but monitoring, permissions and failure handling stay with us.', correct: true, explanation: 'Correct. The undifferentiated work moves; the work specific to your system stays.' },
      { text: 'Serverless needs more operations work than servers do.', correct: false, explanation: 'Not quite. There is usually less, just not none.' },
    ],
  },
  {
    id: 'building-blocks',
    prompt: 'Many services must react independently to "an order was placed", and the producer must not know who they are. Which building block fits best?',
    options: [
      { text: 'Amazon SQS, a queue', correct: false, explanation: 'Not quite. A queue hands each message to one consumer; it suits one producer and one consumer working at their own pace.' },
      { text: 'AWS Step Functions, a workflow', correct: false, explanation: 'Not quite. A workflow runs steps in an order one team controls; here the consumers are independent.' },
      { text: 'Amazon EventBridge, an event bus', correct: true, explanation: 'Correct. The producer publishes once; each consumer subscribes with its own rule.' },
      { text: 'Amazon S3, object storage', correct: false, explanation: 'Not quite. S3 stores objects; it is not a router of business events between services.' },
    ],
  },
  {
    id: 'why',
    prompt: 'Which of these are reasons the talk gives for choosing serverless?',
    multiple: true,
    options: [
      { text: 'Lower cost, because idle capacity is not billed', correct: true, explanation: 'Correct. Pay-per-use is the first reason on the list.' },
      { text: 'Developers spend their time on business value', correct: true, explanation: 'Correct. Less time on machines means more time on features.' },
      { text: 'It scales with traffic', correct: true, explanation: 'Correct. Managed services and functions scale out, and back in, for you.' },
      { text: 'It removes the need to design the architecture', correct: false, explanation: 'Not quite. Modules 2 and 6 show that a serverless system without a design turns into a tangle.' },
    ],
  },
];
