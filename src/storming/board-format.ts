// The board file: one versioned JSON format, validated here and nowhere else. `board.schema.json` is
// generated from this schema (a test keeps them equal), so other tools can check a board without our code.
// zod/mini: the board page loads this schema, and the full zod would put the page over its size budget.
import * as z from 'zod/mini';

export const BOARD_FORMAT = 'eventbridge-storming-board';
export const BOARD_VERSION = 1;

/** The usual Event Storming kinds and colours, plus the service note of step 6. */
export const STICKY_KINDS = [
  { kind: 'event', label: 'Domain event', colour: '#f59f00' },
  { kind: 'command', label: 'Command', colour: '#74c0fc' },
  { kind: 'actor', label: 'Actor', colour: '#fff3bf' },
  { kind: 'policy', label: 'Policy', colour: '#d0bfff' },
  { kind: 'external', label: 'External system', colour: '#ffc9c9' },
  { kind: 'aggregate', label: 'Aggregate or entity', colour: '#ffe066' },
  { kind: 'hotspot', label: 'Hot spot', colour: '#f06595' },
  { kind: 'service', label: 'Microservice', colour: '#ced4da' },
] as const;

export type StickyKind = (typeof STICKY_KINDS)[number]['kind'];
const kindIds = STICKY_KINDS.map((k) => k.kind) as [StickyKind, ...StickyKind[]];

export function kindInfo(kind: StickyKind): (typeof STICKY_KINDS)[number] {
  return STICKY_KINDS.find((k) => k.kind === kind) ?? STICKY_KINDS[0];
}

/** Bounds that keep a hostile or broken file from freezing the page (a real wall holds far fewer). */
export const MAX_STICKIES = 2000;
export const MAX_CONTEXTS = 200;
export const MAX_FIELDS = 100;

/** Field types a learner can give an event's field at step 8 (each maps to one JSON Schema type). */
export const FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'date-time', 'string-list'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, "-" or "_"'));
const upTo = (n: number) => z.string().check(z.maxLength(n));
const ids = () => z.optional(z.array(id).check(z.maxLength(MAX_STICKIES)));

export const fieldSchema = z.object({
  name: z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be an identifier such as orderId')),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
});

export const stickySchema = z.object({
  id,
  kind: z.enum(kindIds),
  text: upTo(200),
  x: z.number(),
  y: z.number(),
  /** Events: the command, policy, actor or external system that triggers it (step 3), or "time". */
  trigger: z.optional(upTo(64)),
  /** Events: the aggregate sticky it concerns (step 4). */
  aggregate: z.optional(id),
  /** Events: the service sticky that publishes it (step 6). */
  owner: z.optional(id),
  /** Events: the service stickies that react to it (step 7). */
  consumers: ids(),
  /** Events: the fields of its detail (step 8). */
  fields: z.optional(z.array(fieldSchema).check(z.maxLength(MAX_FIELDS))),
  /** Services: the aggregate stickies it handles (step 6). */
  aggregates: ids(),
});

export const contextSchema = z.object({
  id,
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  x: z.number(),
  y: z.number(),
  w: z.number().check(z.positive()),
  h: z.number().check(z.positive()),
});

export const boardSchema = z.object({
  format: z.literal(BOARD_FORMAT),
  version: z.literal(BOARD_VERSION),
  title: upTo(120),
  /** The one bus of step 7, and the prefix of every service's event source (`<prefix>.<service>`). */
  bus: z.object({ name: upTo(256), sourcePrefix: upTo(200) }),
  /** The step the group is on, 1 to 8. */
  step: z.int().check(z.minimum(1), z.maximum(8)),
  stickies: z.array(stickySchema).check(z.maxLength(MAX_STICKIES)),
  contexts: z.array(contextSchema).check(z.maxLength(MAX_CONTEXTS)),
});

export type Field = z.infer<typeof fieldSchema>;
export type Sticky = z.infer<typeof stickySchema>;
export type BoundedContext = z.infer<typeof contextSchema>;
export type Board = z.infer<typeof boardSchema>;

export type ParseResult = { ok: true; board: Board } | { ok: false; problems: string[] };

/** Reads a board from text or a parsed value; problems name the path, e.g. "stickies[2].kind: ...". */
export function parseBoard(raw: unknown): ParseResult {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (e) {
      return { ok: false, problems: [`the file is not JSON: ${(e as Error).message}`] };
    }
  }
  const r = boardSchema.safeParse(value);
  if (!r.success) return { ok: false, problems: r.error.issues.map((i) => `${i.path.map(String).join('.') || '(board)'}: ${i.message}`) };
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const item of [...r.data.stickies, ...r.data.contexts]) {
    if (ids.has(item.id)) problems.push(`id "${item.id}" is used twice`);
    ids.add(item.id);
  }
  return problems.length ? { ok: false, problems } : { ok: true, board: r.data };
}

export function emptyBoard(title = 'New board'): Board {
  return { format: BOARD_FORMAT, version: BOARD_VERSION, title, bus: { name: '', sourcePrefix: '' }, step: 1, stickies: [], contexts: [] };
}

/** The board as the file we export: stable key order, two-space indent. */
export function serialiseBoard(board: Board): string {
  return `${JSON.stringify(board, null, 2)}\n`;
}
