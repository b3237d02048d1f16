/** One module of the course: a folder of lessons in `content/` and the labs that practise it. */
export interface CourseModule {
  /** Folder name under `content/`, and the value of a lesson's `module` field. */
  id: string;
  /** Title shown in the sidebar and on the home page. */
  title: string;
  /** One sentence on what the learner gets from the module. */
  summary: string;
}

// The order here is the order of the course: the sidebar and the home page follow it.
export const courseModules: readonly CourseModule[] = [
  { id: 'serverless', title: '1. Serverless', summary: 'What serverless is, why teams choose it, and the managed building blocks beyond Lambda.' },
  { id: 'architectures', title: '2. How architectures go wrong', summary: 'The big ball of mud, microservices done right, the distributed monolith and Lambda pinball.' },
  { id: 'soa-and-esb', title: '3. SOA and the ESB', summary: 'Service-oriented architecture, the enterprise service bus, events, and why the bus came back.' },
  { id: 'eventbridge', title: '4. Amazon EventBridge', summary: 'Buses, the event envelope, rules and patterns, targets, input transformers, retries, archives and schemas.' },
  { id: 'ddd-event-storming', title: '5. DDD and Event Storming', summary: 'Domain events, commands, aggregates and bounded contexts, discovered in a workshop.' },
  { id: 'eventbridge-storming', title: '6. EventBridge Storming', summary: 'Eight steps from sticky notes to services on one bus with a shared schema.' },
  { id: 'shared-schemas', title: '7. Shared schemas', summary: 'Share schema, not data or code: the schema registry, versions and compatibility.' },
  { id: 'in-practice', title: '8. In practice', summary: 'Put events from code, the CLI and the console; test, observe and deploy.' },
];

export function findModule(id: string): CourseModule | undefined {
  return courseModules.find((m) => m.id === id);
}
