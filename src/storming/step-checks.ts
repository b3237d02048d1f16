// The board check of each step: a list of problems, each naming the note it is about, so the page can
// link a problem to its note. An empty list means the step is done.
import { checkBusName } from '../eventbridge/bus/name-validation.ts';
import type { Board, Sticky } from './board-format.ts';
import { kindInfo } from './board-format.ts';
import { deriveArchitecture } from './architecture.ts';
import { contextOf, contextsOf, findSticky } from './board-model.ts';
import { pascalCase } from '../schema-registry/discovery.ts';

export interface Problem {
  step: number;
  message: string;
  /** The note or context the problem is about. */
  itemId?: string;
}

const TRIGGER_KINDS = new Set(['command', 'policy', 'actor', 'external']);
/** Common irregular past forms and end states ("ready", "out"); regular ones end in "-ed". A heuristic: the room decides. */
const IRREGULAR_PAST = new Set(['sold', 'paid', 'sent', 'built', 'made', 'done', 'held', 'taken', 'given', 'written', 'won', 'lost', 'left', 'begun', 'chosen', 'found', 'bought', 'kept', 'met', 'put', 'read', 'set', 'shut', 'split', 'spent', 'brought', 'caught', 'taught', 'thrown', 'shown', 'known', 'drawn', 'eaten', 'driven', 'ridden', 'gone', 'come', 'run', 'withdrawn', 'frozen', 'broken', 'chosen', 'forgotten', 'hidden', 'laid', 'sent', 'sung', 'stolen', 'torn', 'worn', 'undone', 'overdue', 'out', 'ready']);

export function looksPastTense(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((w) => (w.length > 3 && w.endsWith('ed')) || IRREGULAR_PAST.has(w));
}

const events = (b: Board) => b.stickies.filter((s) => s.kind === 'event');
const label = (s: Sticky) => `"${s.text || '(empty)'}"`;

type Check = (b: Board) => Problem[];

const checks: Record<number, Check> = {
  1: (b) => {
    const out: Problem[] = [];
    if (events(b).length === 0) out.push({ step: 1, message: 'The board has no domain event yet. Add orange notes.' });
    for (const e of events(b)) {
      if (!e.text.trim()) out.push({ step: 1, itemId: e.id, message: 'An event note is empty.' });
      else if (!looksPastTense(e.text)) out.push({ step: 1, itemId: e.id, message: `Event ${label(e)} does not read as past tense ("it happened that…"). Is it a command?` });
    }
    return out;
  },
  2: (b) => {
    const out: Problem[] = [];
    const seen = new Map<string, Sticky>();
    for (const e of events(b)) {
      const key = pascalCase(e.text).toLowerCase();
      const first = seen.get(key);
      if (first) out.push({ step: 2, itemId: e.id, message: `Event ${label(e)} duplicates ${label(first)}: merge them.` });
      else seen.set(key, e);
    }
    if (events(b).length < 2) out.push({ step: 2, message: 'A timeline needs at least two events.' });
    for (const h of b.stickies.filter((s) => s.kind === 'hotspot')) out.push({ step: 2, itemId: h.id, message: `Hot spot ${label(h)} is still open: agree a rule, then delete it.` });
    return out;
  },
  3: (b) =>
    events(b).flatMap((e) => {
      if (e.trigger === 'time') return [];
      const t = e.trigger ? findSticky(b, e.trigger) : undefined;
      if (!t) return [{ step: 3, itemId: e.id, message: `Event ${label(e)} has no trigger: a command, policy, actor, external system or time.` }];
      if (!TRIGGER_KINDS.has(t.kind)) return [{ step: 3, itemId: e.id, message: `Event ${label(e)} is triggered by a ${kindInfo(t.kind).label.toLowerCase()}; a trigger is a command, policy, actor, external system or time.` }];
      return [];
    }),
  4: (b) => {
    const out: Problem[] = [];
    for (const e of events(b)) {
      const a = e.aggregate ? findSticky(b, e.aggregate) : undefined;
      if (!a || a.kind !== 'aggregate') out.push({ step: 4, itemId: e.id, message: `Event ${label(e)} has no aggregate: which business object changed?` });
    }
    if (!b.stickies.some((s) => s.kind === 'aggregate')) out.push({ step: 4, message: 'Add yellow aggregate notes.' });
    return out;
  },
  5: (b) => {
    const out: Problem[] = [];
    if (b.contexts.length === 0) out.push({ step: 5, message: 'Draw at least one bounded context.' });
    const names = new Set<string>();
    for (const c of b.contexts) {
      if (names.has(c.name.toLowerCase())) out.push({ step: 5, itemId: c.id, message: `Two contexts are called "${c.name}".` });
      names.add(c.name.toLowerCase());
    }
    for (const s of b.stickies.filter((x) => x.kind === 'event' || x.kind === 'aggregate')) {
      const n = contextsOf(b, s).length;
      if (n === 0) out.push({ step: 5, itemId: s.id, message: `${kindInfo(s.kind).label} ${label(s)} is in no bounded context.` });
      if (n > 1) out.push({ step: 5, itemId: s.id, message: `${kindInfo(s.kind).label} ${label(s)} is in ${n} overlapping contexts; it belongs in one.` });
    }
    for (const e of events(b)) {
      const a = e.aggregate ? findSticky(b, e.aggregate) : undefined;
      const ce = contextOf(b, e);
      if (a && ce && contextOf(b, a)?.id !== ce.id) out.push({ step: 5, itemId: e.id, message: `Event ${label(e)} is in ${ce.name} but its aggregate ${label(a)} is not.` });
    }
    return out;
  },
  6: (b) => {
    const out: Problem[] = [];
    const services = b.stickies.filter((s) => s.kind === 'service');
    if (services.length === 0) out.push({ step: 6, message: 'Name at least one microservice (grey notes inside the contexts).' });
    for (const s of services) {
      const c = contextOf(b, s);
      if (!c) out.push({ step: 6, itemId: s.id, message: `Service ${label(s)} is in no bounded context.` });
      for (const aid of s.aggregates ?? []) {
        const a = findSticky(b, aid);
        if (a && c && contextOf(b, a)?.id !== c.id) out.push({ step: 6, itemId: s.id, message: `Service ${label(s)} handles ${label(a)} from another context: an aggregate in two contexts means two services.` });
      }
    }
    const slugs = new Map<string, Sticky>();
    for (const s of services) {
      const slug = s.text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      if (slugs.has(slug)) out.push({ step: 6, itemId: s.id, message: `Two services are called ${label(s)}.` });
      slugs.set(slug, s);
    }
    for (const e of events(b)) {
      const owner = e.owner ? findSticky(b, e.owner) : undefined;
      if (!owner || owner.kind !== 'service') out.push({ step: 6, itemId: e.id, message: `Event ${label(e)} has no owner service.` });
      else if (contextOf(b, owner)?.id !== contextOf(b, e)?.id) out.push({ step: 6, itemId: e.id, message: `Event ${label(e)} is published by ${label(owner)}, a service of another context.` });
    }
    for (const a of b.stickies.filter((x) => x.kind === 'aggregate')) {
      if (!services.some((s) => s.aggregates?.includes(a.id))) out.push({ step: 6, itemId: a.id, message: `Aggregate ${label(a)} is handled by no service.` });
    }
    return out;
  },
  7: (b) => {
    const out: Problem[] = [];
    try {
      checkBusName(b.bus.name);
      if (b.bus.name === 'default') out.push({ step: 7, message: 'Use a custom bus for the system, not the default bus.' });
    } catch (e) {
      out.push({ step: 7, message: `Bus name: ${b.bus.name ? (e as Error).message : 'give the bus a name.'}` });
    }
    if (!/^[a-z0-9]+(\.[a-z0-9-]+)*$/.test(b.bus.sourcePrefix)) out.push({ step: 7, message: 'Give a source prefix such as "food" (lower case, dots between parts): each service\'s events get the source "<prefix>.<service>".' });
    else if (b.bus.sourcePrefix.startsWith('aws')) out.push({ step: 7, message: 'Sources starting with "aws" are reserved for AWS services.' });
    for (const e of deriveArchitecture(b).events) {
      if (e.consumers.length === 0) out.push({ step: 7, itemId: e.id, message: `Event "${e.text}" has no consumer yet. Is that intended? (A new consumer can add its rule later.)` });
      if (e.producer && e.consumers.some((c) => c.id === e.producer?.id)) out.push({ step: 7, itemId: e.id, message: `Event "${e.text}" is consumed by its own producer; keep that inside the service.` });
    }
    return out;
  },
  8: (b) => {
    const out: Problem[] = [];
    for (const e of events(b)) {
      const fields = e.fields ?? [];
      if (fields.length === 0) out.push({ step: 8, itemId: e.id, message: `Event ${label(e)} has no schema yet: add its fields.` });
      const names = new Set<string>();
      for (const f of fields) {
        if (names.has(f.name)) out.push({ step: 8, itemId: e.id, message: `Event ${label(e)} has two fields called ${f.name}.` });
        names.add(f.name);
      }
      if (fields.length > 0 && !fields.some((f) => f.required)) out.push({ step: 8, itemId: e.id, message: `Event ${label(e)} has no required field: which fields are always present?` });
    }
    return out;
  },
};

export function checkStep(board: Board, step: number): Problem[] {
  return checks[step]?.(board) ?? [];
}

/** Problems of every step up to `upTo` (the exports want a board checked through step 8). */
export function checkThrough(board: Board, upTo = 8): Problem[] {
  return Array.from({ length: upTo }, (_, i) => checkStep(board, i + 1)).flat();
}
