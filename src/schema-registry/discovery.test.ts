import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferSchema, pascalCase, SchemaDiscoverer } from './discovery.ts';
import { compileEventSchema } from './validator.ts';
import { talkEvent, validTalkDetail } from './talk-example.fixture.ts';

type Doc = { components: { schemas: Record<string, any> }; info: { title: string } };

function order(detail: unknown) {
  return { version: '0', id: '1', 'detail-type': 'Order Placed', source: 'com.shop', account: '1', time: '2024-01-01T00:00:00Z', region: 'eu-west-1', resources: [], detail };
}

describe('schema discovery', () => {
  it('infers the talk example: int64, double, date-time, string[] and the AWSEvent envelope', () => {
    const doc = inferSchema([talkEvent(validTalkDetail)]) as unknown as Doc;
    const s = doc.components.schemas;
    expect(Object.keys(s)).toEqual(['AWSEvent', 'Event']);
    expect(s.AWSEvent['x-amazon-events-source']).toBe('com.example.talk');
    expect(s.AWSEvent['x-amazon-events-detail-type']).toBe('Event');
    expect(s.AWSEvent.properties.detail).toEqual({ $ref: '#/components/schemas/Event' });
    expect(s.Event.properties).toEqual({
      address: { type: 'string' },
      comments: { type: 'array', items: { type: 'string' } },
      created_at: { type: 'string', format: 'date-time' },
      name: { type: 'string' },
      ordinal: { type: 'integer', format: 'int64' },
      price: { type: 'number', format: 'double' },
    });
    expect(s.Event.required).toEqual(['address', 'comments', 'created_at', 'name', 'ordinal', 'price']);
  });

  it('merges events: optional fields, integer widened to number, nested objects named, nullable', () => {
    const doc = inferSchema([
      order({ total: 10, customer: { id: 'c1', tier: 'gold' }, items: [{ sku: 'a', qty: 1 }], note: null }),
      order({ total: 12.5, customer: { id: 'c2' }, items: [{ sku: 'b', qty: 2, gift: true }], note: 'hi' }),
    ]) as unknown as Doc;
    const s = doc.components.schemas;
    expect(doc.info.title).toBe('OrderPlaced');
    expect(s.OrderPlaced.properties.total).toEqual({ type: 'number', format: 'double' });
    expect(s.OrderPlaced.properties.customer).toEqual({ $ref: '#/components/schemas/Customer' });
    expect(s.Customer.required).toEqual(['id']);
    expect(s.OrderPlaced.properties.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/ItemsItem' } });
    expect(s.ItemsItem.required).toEqual(['qty', 'sku']);
    expect(s.ItemsItem.properties.gift).toEqual({ type: 'boolean' });
    expect(s.OrderPlaced.properties.note).toEqual({ type: 'string', nullable: true });
  });

  it('keeps one schema per source and detail-type', () => {
    const d = new SchemaDiscoverer();
    d.observe(order({ a: 1 }));
    d.observe({ ...order({ b: 'x' }), 'detail-type': 'Order Shipped' });
    d.observe({ nothing: true });
    expect(d.names()).toEqual(['com.shop@OrderPlaced', 'com.shop@OrderShipped']);
  });

  it('turns detail-types into identifiers', () => {
    expect(pascalCase('Order Placed')).toBe('OrderPlaced');
    expect(pascalCase('EC2 Instance State-change Notification')).toBe('EC2InstanceStateChangeNotification');
    expect(pascalCase('3d-print')).toBe('_3dPrint');
  });

  // Property: every event used for discovery validates against the schema inferred from them.
  it('accepts the events it was inferred from (property test)', () => {
    const leaf = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('v'), { maxKeys: 4 })),
    })).v;
    const detail = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), value, { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(detail, { minLength: 1, maxLength: 4 }), (details) => {
        const events = details.map((d) => order(d));
        const compiled = compileEventSchema('OpenApi3', JSON.stringify(inferSchema(events)));
        if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
        for (const e of events) expect(compiled.schema.validate(e)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
