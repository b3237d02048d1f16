// The course glossary: one entry per term, in our own words. `<Term id="…">` in a lesson shows the definition
// as a tooltip and links to its entry on /reference/glossary/; a content check fails on any unknown id.

export interface GlossaryTerm {
  /** Kebab-case id, used by <Term id="…"> and as the anchor on the glossary page. */
  id: string;
  term: string;
  definition: string;
  /** Lesson (path without slashes at the ends) where the term is explained in full. */
  lesson: string;
}

export const glossary: readonly GlossaryTerm[] = [
  { id: 'serverless', term: 'Serverless', lesson: 'serverless/what-is-serverless', definition: 'A way of building in which the cloud provider runs, scales and patches the machines; you supply code and configuration and pay for what you use.' },
  { id: 'faas', term: 'Function as a service (FaaS)', lesson: 'serverless/not-just-lambda', definition: 'Running small pieces of code on demand, in response to events, without managing the servers underneath. AWS Lambda is the best-known example.' },
  { id: 'event', term: 'Event', lesson: 'soa-and-esb/events-and-eventbridge', definition: 'A record that something significant changed, such as "an order was placed". It describes the past and does not ask anyone to act.' },
  { id: 'event-bus', term: 'Event bus', lesson: 'eventbridge/buses-and-events', definition: 'A router that receives events from producers and delivers each one to the consumers whose rules match it.' },
  { id: 'event-driven-architecture', term: 'Event-driven architecture (EDA)', lesson: 'soa-and-esb/events-and-eventbridge', definition: 'An architecture in which services publish events about what happened and other services react to them, instead of calling one another directly.' },
  { id: 'big-ball-of-mud', term: 'Big ball of mud', lesson: 'architectures/big-ball-of-mud', definition: 'A system with no recognisable structure, where any part may depend on any other; a common result of pressure, turnover and gradual decay.' },
  { id: 'microservice', term: 'Microservice', lesson: 'architectures/microservices', definition: 'A small service that owns one business capability and its data, is deployed on its own and talks to others through messages or events.' },
  { id: 'distributed-monolith', term: 'Distributed monolith', lesson: 'architectures/distributed-monolith', definition: 'A system split into services that still have to change, deploy or run together, so it has the costs of distribution without the independence.' },
  { id: 'lambda-pinball', term: 'Lambda pinball', lesson: 'architectures/lambda-pinball', definition: 'An anti-pattern in which a request bounces through a tangle of functions, queues and buckets, so the business logic is hard to find or change.' },
  { id: 'soa', term: 'Service-oriented architecture (SOA)', lesson: 'soa-and-esb/service-oriented-architecture', definition: 'An approach, older than microservices, that builds systems from services representing business processes, often joined by an enterprise service bus.' },
  { id: 'esb', term: 'Enterprise service bus (ESB)', lesson: 'soa-and-esb/enterprise-service-bus', definition: 'Middleware that carries messages or events between the services of a large organisation, traditionally run on the organisation\'s own infrastructure.' },
  { id: 'event-envelope', term: 'Event envelope', lesson: 'eventbridge/buses-and-events', definition: 'The top-level fields every EventBridge event carries (version, id, detail-type, source, account, time, region, resources) around its own detail object.' },
  { id: 'rule', term: 'Rule', lesson: 'eventbridge/rules-and-patterns', definition: 'An EventBridge object, on one bus, that selects events with an event pattern (or a schedule) and sends them to its targets.' },
  { id: 'event-pattern', term: 'Event pattern', lesson: 'eventbridge/rules-and-patterns', definition: 'A JSON object with the same shape as the events it selects, whose leaves are lists of accepted values or matching operators.' },
  { id: 'target', term: 'Target', lesson: 'eventbridge/targets-and-transformers', definition: 'A resource a rule sends matched events to, such as a Lambda function, an SQS queue, a Step Functions state machine or another bus.' },
  { id: 'input-transformer', term: 'Input transformer', lesson: 'eventbridge/targets-and-transformers', definition: 'Target settings that pick values out of an event with JSON paths and place them into a template, so the target receives the shape it expects.' },
  { id: 'dead-letter-queue', term: 'Dead-letter queue (DLQ)', lesson: 'eventbridge/delivery-archives-schemas', definition: 'A queue that receives the events a target could not accept after all retries, so they can be inspected and sent again instead of being lost.' },
  { id: 'archive', term: 'Archive and replay', lesson: 'eventbridge/delivery-archives-schemas', definition: 'An archive keeps copies of the events that reach a bus; a replay sends archived events from a time window back to the bus the archive was created on.' },
  { id: 'schema-registry', term: 'Schema registry', lesson: 'shared-schemas/schema-registry', definition: 'The EventBridge feature that stores the schemas of events, can discover them from the events on a bus and generates code bindings.' },
  { id: 'schema', term: 'Schema', lesson: 'shared-schemas/share-schema-not-code', definition: 'A description of the structure of an event: its fields, their types and formats, and which are required.' },
  { id: 'ddd', term: 'Domain-driven design (DDD)', lesson: 'ddd-event-storming/domain-driven-design', definition: 'An approach to software that models the business domain closely, in the language the domain experts use.' },
  { id: 'domain-event', term: 'Domain event', lesson: 'ddd-event-storming/domain-driven-design', definition: 'Something that happened in the business that domain experts care about, named in the past tense, such as "Order placed".' },
  { id: 'command', term: 'Command', lesson: 'ddd-event-storming/domain-driven-design', definition: 'A request to do something, such as "Place order". It may be accepted or refused; if accepted, it usually produces one or more events.' },
  { id: 'aggregate', term: 'Aggregate', lesson: 'ddd-event-storming/domain-driven-design', definition: 'A cluster of business objects treated as one unit for changes, which accepts commands, enforces its rules and emits events.' },
  { id: 'entity', term: 'Entity', lesson: 'ddd-event-storming/domain-driven-design', definition: 'A business object with an identity that lasts over time, such as a particular order or customer.' },
  { id: 'bounded-context', term: 'Bounded context', lesson: 'ddd-event-storming/bounded-contexts', definition: 'A boundary inside which every word of the model has one meaning; ideally owned by one team with few stakeholders.' },
  { id: 'event-storming', term: 'Event Storming', lesson: 'ddd-event-storming/event-storming-workshop', definition: 'A workshop created by Alberto Brandolini in which people map a business process as sticky-note domain events on a long wall.' },
  { id: 'eventbridge-storming', term: 'EventBridge Storming', lesson: 'eventbridge-storming/discovery-and-timeline', definition: 'Ben Ellerby\'s variant of Event Storming that ends in microservices sharing one EventBridge bus and one set of event schemas.' },
  { id: 'idempotent', term: 'Idempotent', lesson: 'eventbridge/delivery-archives-schemas', definition: 'Safe to run more than once: handling the same event twice leaves the system as handling it once would.' },
  { id: 'backward-compatible', term: 'Backward compatible', lesson: 'shared-schemas/versioning-and-compatibility', definition: 'A schema change is backward compatible when consumers written for the old version still work with events of the new one.' },
];

export function findTerm(id: string): GlossaryTerm | undefined {
  return glossary.find((t) => t.id === id);
}
