import type { QuizQuestion } from '../../src/components/mdx/quiz-types.ts';

export const architecturesQuiz: QuizQuestion[] = [
  {
    id: 'mud-forces',
    prompt: 'Which forces does the big-ball-of-mud definition quoted in the talk name as causes?',
    multiple: true,
    options: [
      { text: 'Business pressures', correct: true, explanation: 'Correct. Deadlines repeatedly win over clean changes.' },
      { text: 'Developer turnover', correct: true, explanation: 'Correct. When the people who knew the boundaries leave, the boundaries fade.' },
      { text: 'Code entropy', correct: true, explanation: 'Correct. Disorder grows on its own unless changes are deliberately tidy.' },
      { text: 'Using a relational database', correct: false, explanation: 'Not quite. The choice of database is not one of the causes; sharing one store between many parts is a symptom, not the technology itself.' },
    ],
  },
  {
    id: 'four-properties',
    prompt: 'Which of these is NOT one of the four properties of microservices that work?',
    options: [
      { text: 'Split into clear services', correct: false, explanation: 'Not quite. This is the first property on the list.' },
      { text: 'Deployed independently', correct: false, explanation: 'Not quite. Independent deployment is the second property.' },
      { text: 'Share one database so data stays consistent', correct: true, explanation: 'Correct. The opposite is true: each service masters its own data.' },
      { text: 'Communicate only asynchronously', correct: false, explanation: 'Not quite. This is the third property.' },
    ],
  },
  {
    id: 'coupling',
    prompt: 'Orders calls Payments over HTTP and waits for the answer before replying to the customer. Which coupling is this?',
    options: [
      { text: 'Temporal coupling', correct: true, explanation: 'Correct. Both must be up and fast at the same moment for an order to succeed.' },
      { text: 'Data coupling', correct: false, explanation: 'Not quite. Data coupling is sharing a store; here the services only call each other.' },
      { text: 'No coupling: HTTP is a standard protocol', correct: false, explanation: 'Not quite. A standard protocol does not remove the need for both sides to be available together.' },
    ],
  },
  {
    id: 'pinball-source',
    prompt: 'Where does the definition of Lambda pinball quoted in the talk come from?',
    options: [
      { text: 'The AWS Lambda developer guide', correct: false, explanation: 'Not quite. AWS documentation does not define this anti-pattern.' },
      { text: 'The ThoughtWorks Technology Radar', correct: true, explanation: 'Correct. The Radar listed Lambda pinball as an anti-pattern to avoid.' },
      { text: 'Foote and Yoder\'s 1997 paper', correct: false, explanation: 'Not quite. That paper is the origin of the big ball of mud, not of Lambda pinball.' },
    ],
  },
  {
    id: 'pinball-signs',
    prompt: 'Which of these are warning signs of Lambda pinball?',
    multiple: true,
    options: [
      { text: 'Functions named after plumbing, like s3ToSqs or forwarder', correct: true, explanation: 'Correct. Names that describe wiring instead of business steps hide the domain logic.' },
      { text: 'A request path that loops back through a queue it already visited', correct: true, explanation: 'Correct. Loops are both a symptom and a cost risk.' },
      { text: 'Services that publish named business events to one bus', correct: false, explanation: 'Not quite. That is the cure the lesson proposes, not a symptom.' },
      { text: 'Tracing a request means reading infrastructure configuration', correct: true, explanation: 'Correct. When the flow lives only in the wiring, the domain logic is lost.' },
    ],
  },
];
