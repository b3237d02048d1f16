// A JSON Schema for EventBridge event patterns, wired into the editor's JSON language: completion and
// hover text for the comparison operators, and inline errors for unknown ones. The engine's
// validatePattern stays the authority (its problems are shown as markers too); this schema is the
// fast, structural first line. The operators come from the engine's table, so the editor accepts
// exactly the operators the engine accepts.
import { operatorRows } from '../eventbridge/operators.ts';

const scalar = { type: ['string', 'number', 'boolean', 'null'] };

const operator = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: Object.fromEntries(operatorRows().map(([name, spec]) => [name, { description: spec.doc, ...spec.schema }])),
};

export const eventPatternJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'EventBridge event pattern',
  $ref: '#/definitions/pattern',
  definitions: {
    values: { type: 'array', minItems: 1, description: 'The values this field may have (any one matches): plain values or operator objects.', items: { anyOf: [scalar, { $ref: '#/definitions/operator' }] } },
    operator,
    pattern: {
      type: 'object',
      properties: {
        source: { $ref: '#/definitions/values', description: 'Who sent the event, e.g. ["com.example.shop"].' },
        'detail-type': { $ref: '#/definitions/values', description: 'What kind of event it is, e.g. ["OrderPlaced"].' },
        detail: { $ref: '#/definitions/pattern', description: 'Conditions on the event body.' },
        account: { $ref: '#/definitions/values' },
        region: { $ref: '#/definitions/values' },
        resources: { $ref: '#/definitions/values' },
        $or: { type: 'array', minItems: 2, description: 'Alternatives: the event matches if any one of these sub-patterns matches.', items: { $ref: '#/definitions/pattern' } },
      },
      additionalProperties: { anyOf: [{ $ref: '#/definitions/values' }, { $ref: '#/definitions/pattern' }] },
    },
  },
} as const;

/** Finds where a problem path like `detail.total[0].numeric` sits in the pattern text (best effort). */
export function locatePatternPath(text: string, path: string): { start: number; end: number } {
  let from = 0;
  let found = { start: 0, end: Math.min(text.length, 1) };
  for (const key of path.split(/\.|\[\d+\]/).filter(Boolean)) {
    const at = text.indexOf(JSON.stringify(key), from);
    if (at < 0) break;
    found = { start: at, end: at + JSON.stringify(key).length };
    from = found.end;
  }
  return found;
}
