// What the board says about the system: services with their event sources, events with producer,
// consumers and fields. Every export (schemas, catalog, template, lab) is written from this one reading.
import { pascalCase } from '../schema-registry/discovery.ts';
import type { Board, BoundedContext, Field, Sticky } from './board-format.ts';
import { contextOf, findSticky, timeline } from './board-model.ts';

export interface ArchService {
  id: string;
  name: string;
  /** kebab-case, used in sources, rule names and log groups. */
  slug: string;
  /** The `source` of every event this service puts on the bus. */
  source: string;
  context?: BoundedContext;
  publishes: ArchEvent[];
  consumes: ArchEvent[];
}

export interface ArchEvent {
  id: string;
  text: string;
  /** PascalCase of the note's text: the event's detail-type and schema title. */
  detailType: string;
  producer?: ArchService;
  consumers: ArchService[];
  fields: Field[];
  context?: BoundedContext;
  aggregate?: Sticky;
}

export interface Architecture {
  busName: string;
  services: ArchService[];
  events: ArchEvent[];
  contexts: BoundedContext[];
}

export function kebabCase(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'unnamed';
}

export function sourceFor(board: Board, serviceText: string): string {
  const slug = kebabCase(serviceText);
  return board.bus.sourcePrefix ? `${board.bus.sourcePrefix}.${slug}` : slug;
}

/** The bus name as EventBridge accepts it ([.\-_A-Za-z0-9]): what a note says is mended, never trusted. */
export function busName(board: Board): string {
  return board.bus.name.replace(/[^.\-_A-Za-z0-9]+/g, '-').slice(0, 256) || 'storming-bus';
}

export function deriveArchitecture(board: Board): Architecture {
  const services = new Map<string, ArchService>();
  for (const s of board.stickies.filter((x) => x.kind === 'service')) {
    services.set(s.id, { id: s.id, name: s.text, slug: kebabCase(s.text), source: sourceFor(board, s.text), context: contextOf(board, s), publishes: [], consumes: [] });
  }
  const events: ArchEvent[] = timeline(board).map((e) => {
    const producer = e.owner ? services.get(e.owner) : undefined;
    const consumers = (e.consumers ?? []).map((c) => services.get(c)).filter((c): c is ArchService => c !== undefined);
    const aggregate = e.aggregate ? findSticky(board, e.aggregate) : undefined;
    const ev: ArchEvent = { id: e.id, text: e.text, detailType: pascalCase(e.text), producer, consumers, fields: e.fields ?? [], context: contextOf(board, e), aggregate };
    producer?.publishes.push(ev);
    for (const c of consumers) c.consumes.push(ev);
    return ev;
  });
  return { busName: busName(board), services: [...services.values()], events, contexts: board.contexts };
}

type SourcePattern = { source: string[]; 'detail-type': string[] };

/**
 * The event pattern of a consuming service's rule, on source and detail-type. With several producers it is
 * an `$or` of one branch per producer, so an event name sent by the wrong producer does not match.
 */
export function consumerPattern(service: ArchService): SourcePattern | { $or: SourcePattern[] } | undefined {
  const bySource = new Map<string, Set<string>>();
  for (const e of service.consumes) {
    if (!e.producer) continue;
    const set = bySource.get(e.producer.source) ?? new Set<string>();
    set.add(e.detailType);
    bySource.set(e.producer.source, set);
  }
  const branches = [...bySource.keys()].sort().map((source) => ({ source: [source], 'detail-type': [...(bySource.get(source) as Set<string>)].sort() }));
  if (branches.length === 0) return undefined;
  return branches.length === 1 ? branches[0] : { $or: branches };
}
