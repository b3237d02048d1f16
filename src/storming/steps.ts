// The eight steps of EventBridge Storming as the board guides them: what to do, the kinds of note used and
// prompts for the facilitator. Step 3 is the course's reading (see module 6): the talk's slides skip it.
import type { StickyKind } from './board-format.ts';

export interface StormingStep {
  n: number;
  title: string;
  what: string;
  kinds: StickyKind[];
  prompts: string[];
  /** Minutes a room usually needs; the facilitator's timer starts from it. */
  minutes: number;
  /** Where the step's wording comes from, when it is not the talk's. */
  basis?: string;
}

export const STEPS: readonly StormingStep[] = [
  {
    n: 1, title: 'Event discovery', minutes: 20, kinds: ['event'],
    what: 'Write every domain event you can think of on orange notes: past tense, business language, one event per note.',
    prompts: ['What happens in this business that someone cares about?', 'Read each note as "it happened that…".', 'What goes wrong? Refusals, timeouts and refunds count too.'],
  },
  {
    n: 2, title: 'Temporal sequencing', minutes: 15, kinds: ['event', 'hotspot'],
    what: 'Put the events in time order from left to right, merge duplicates, and mark disagreements with hot spots.',
    prompts: ['What has to happen before this event?', 'Are two notes the same event in different words?', 'Where do we disagree? Put a hot spot there.'],
  },
  {
    n: 3, title: 'Triggers', minutes: 15, kinds: ['command', 'actor', 'policy', 'external'],
    what: 'For each event, record what triggers it: a command issued by an actor, a policy reacting to an earlier event, an external system, or time.',
    prompts: ['Who or what makes this happen?', 'Which events happen "whenever" another one does? Those are policies.', 'Which events come from outside the system?'],
    basis: 'The talk\'s slides skip step 3. This course describes it as identifying triggers, from standard Event Storming practice; it is our reading, not a quotation of the method\'s author.',
  },
  {
    n: 4, title: 'Entities and aggregates', minutes: 15, kinds: ['aggregate'],
    what: 'Group the events by the business object whose rules they depend on, and name that aggregate on a yellow note.',
    prompts: ['Which business object changed?', 'Which rules must hold before this event can happen?', 'Who may issue the command?'],
  },
  {
    n: 5, title: 'Bounded contexts', minutes: 15, kinds: ['aggregate'],
    what: 'Draw bounded contexts around aggregates that share a language, a team and stakeholders. Every event sits in exactly one.',
    prompts: ['Could one team own this area?', 'Does a word mean something different here than over there?', 'Does an aggregate appear in two contexts? Keep it twice.'],
  },
  {
    n: 6, title: 'Name microservices', minutes: 10, kinds: ['service'],
    what: 'Name the microservices inside each context, one per aggregate or group of aggregates, and give every event its owner service. An aggregate in two contexts means two services.',
    prompts: ['Which aggregates change together?', 'Name services after the business capability, never the technology.', 'Who publishes each event?'],
  },
  {
    n: 7, title: 'One EventBridge bus', minutes: 10, kinds: ['service'],
    what: 'Name the one bus every service uses, and for each event the services that react to it: each consumer gets a rule on the bus.',
    prompts: ['Who needs to know when this happens?', 'Which policies from step 3 become rules?', 'Does any service call another directly? Turn it into an event.'],
  },
  {
    n: 8, title: 'A shared schema', minutes: 20, kinds: ['event'],
    what: 'Agree the structure of every event: its title, its fields and their types. Teams share the schema, not data or code.',
    prompts: ['What does a consumer need to act without calling back?', 'Which fields are always present?', 'Which type is each field?'],
  },
];

export function stepInfo(n: number): StormingStep {
  return STEPS[Math.min(STEPS.length, Math.max(1, n)) - 1] as StormingStep;
}
