import { describe, expect, it } from 'vitest';
import { compileEventSchema } from './validator.ts';
import { talkEvent, talkEventSchema, validTalkDetail } from './talk-example.fixture.ts';

function compiled(type: 'OpenApi3' | 'JSONSchemaDraft4', content: unknown) {
  const r = compileEventSchema(type, JSON.stringify(content));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.schema;
}

describe('OpenAPI 3 validation (talk example)', () => {
  const schema = compiled('OpenApi3', talkEventSchema);

  it('validates the detail when there is no AWSEvent wrapper', () => {
    expect(schema.scope).toBe('detail');
    expect(schema.validate(talkEvent(validTalkDetail))).toEqual([]);
  });

  it('reports wrong types, formats and missing fields with dotted paths in plain words', () => {
    const problems = schema.validate(
      talkEvent({ ordinal: 1.5, name: 7, price: 'cheap', comments: ['ok', 3], created_at: 'yesterday' }),
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath['detail.ordinal']).toMatch(/whole number/);
    expect(byPath['detail.name']).toBe('should be a string but is the whole number 7');
    expect(byPath['detail.price']).toMatch(/should be a number but is the string "cheap"/);
    expect(byPath['detail.comments[1]']).toMatch(/should be a string/);
    expect(byPath['detail.created_at']).toMatch(/date-time/);
    expect(problems.every((p) => !p.message.includes('must'))).toBe(true);
  });

  it('reports a missing required field by its own path', () => {
    const { name: _drop, ...rest } = validTalkDetail;
    expect(schema.validate(talkEvent(rest))).toEqual([{ path: 'detail.name', message: 'is required but missing' }]);
  });

  it('checks the OpenAPI integer formats by range: int64 takes 2^60, int32 does not', () => {
    expect(schema.validate(talkEvent({ ...validTalkDetail, ordinal: 2 ** 60 }))).toEqual([]);
    const int32 = structuredClone(talkEventSchema);
    int32.components.schemas.Event.properties.ordinal.format = 'int32';
    const problems = compiled('OpenApi3', int32).validate(talkEvent({ ...validTalkDetail, ordinal: 2 ** 40 }));
    expect(problems).toEqual([{ path: 'detail.ordinal', message: 'should be a whole number that fits in 32 bits but is the whole number 1099511627776' }]);
  });
});

describe('OpenAPI 3 with AWSEvent wrapper and OpenAPI-only keywords', () => {
  const doc = {
    openapi: '3.0.0',
    info: { version: '1.0.0', title: 'OrderPlaced' },
    paths: {},
    components: {
      schemas: {
        AWSEvent: {
          type: 'object',
          required: ['detail', 'source', 'detail-type'],
          'x-amazon-events-source': 'com.shop',
          'x-amazon-events-detail-type': 'OrderPlaced',
          properties: {
            detail: { $ref: '#/components/schemas/OrderPlaced' },
            source: { type: 'string' },
            'detail-type': { type: 'string' },
          },
        },
        OrderPlaced: {
          type: 'object',
          required: ['total'],
          properties: {
            total: { type: 'number', minimum: 0, exclusiveMinimum: true, example: 3 },
            coupon: { type: 'string', nullable: true },
            customer: { $ref: '#/components/schemas/Customer' },
          },
        },
        Customer: { type: 'object', required: ['id'], properties: { id: { type: 'string' } }, 'x-note': 'ignored' },
      },
    },
  };
  const schema = compiled('OpenApi3', doc);

  it('validates the whole event through the $ref to the detail schema', () => {
    expect(schema.scope).toBe('event');
    const ok = { source: 'com.shop', 'detail-type': 'OrderPlaced', detail: { total: 5, coupon: null, customer: { id: 'c1' } } };
    expect(schema.validate(ok)).toEqual([]);
    const bad = { source: 'com.shop', 'detail-type': 'OrderPlaced', detail: { total: 0, customer: {} } };
    const problems = schema.validate(bad);
    expect(problems).toContainEqual({ path: 'detail.customer.id', message: 'is required but missing' });
    expect(problems).toContainEqual({ path: 'detail.total', message: 'should be more than 0 but is 0' });
  });

  it('rejects references outside components.schemas', () => {
    const broken = structuredClone(doc);
    (broken.components.schemas.OrderPlaced.properties as Record<string, unknown>).x = { $ref: 'http://example.com/s.json' };
    const r = compileEventSchema('OpenApi3', JSON.stringify(broken));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.path).toBe('components.schemas.OrderPlaced.properties.x.$ref');
  });
});

describe('JSON Schema draft 4', () => {
  const draft4 = {
    $schema: 'http://json-schema.org/draft-04/schema#',
    type: 'object',
    required: ['source', 'detail'],
    properties: {
      source: { type: 'string', enum: ['com.shop'] },
      'detail-type': { type: 'string', enum: ['OrderPlaced'] },
      detail: {
        type: 'object',
        required: ['quantity'],
        properties: { quantity: { type: 'integer', minimum: 1, maximum: 10, exclusiveMaximum: true } },
      },
    },
  };
  const schema = compiled('JSONSchemaDraft4', draft4);

  it('uses draft-4 semantics (boolean exclusiveMaximum)', () => {
    expect(schema.scope).toBe('event');
    expect(schema.validate({ source: 'com.shop', detail: { quantity: 9 } })).toEqual([]);
    const problems = schema.validate({ source: 'com.shop', detail: { quantity: 10 } });
    expect(problems.map((p) => p.path)).toEqual(['detail.quantity']);
  });

  it('reports enum mismatches with the allowed values', () => {
    expect(schema.validate({ source: 'other', detail: { quantity: 1 } })).toEqual([
      { path: 'source', message: 'should be one of "com.shop" but is the string "other"' },
    ]);
  });
});

describe('bad schemas', () => {
  it('explains non-JSON content, missing components and wrong types', () => {
    const notJson = compileEventSchema('OpenApi3', '{oops');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.problems[0]?.message).toMatch(/not valid JSON/);
    const empty = compileEventSchema('OpenApi3', JSON.stringify({ openapi: '3.0.0' }));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems.map((p) => p.path)).toContain('components.schemas');
    const badType = compileEventSchema('JSONSchemaDraft4', JSON.stringify({ type: 'strnig' }));
    expect(badType.ok).toBe(false);
  });
});
