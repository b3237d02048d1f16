import { describe, expect, it } from 'vitest';
import { SchemaRegistryService } from '../schema-registry/index.ts';
import { deriveArchitecture } from './architecture.ts';
import { updateSticky } from './board-model.ts';
import { exampleBoard } from './example-board.ts';
import { eventSchemas, exportSchemas } from './export-schemas.ts';
import { sampleDetail, sampleEnvelope } from './sample-events.ts';

describe('schemas export', () => {
  it('writes one registry schema per published event, and the registry validates the example events with them', () => {
    const board = exampleBoard();
    const schemas = eventSchemas(board);
    expect(schemas).toHaveLength(13);
    const reg = new SchemaRegistryService();
    reg.createRegistry({ RegistryName: 'food-delivery-schemas' });
    for (const s of schemas) reg.createSchema({ RegistryName: 'food-delivery-schemas', SchemaName: s.schemaName, Type: s.type, Content: JSON.stringify(s.content) });
    for (const e of deriveArchitecture(board).events) {
      const full = reg.validateEvent(sampleEnvelope(e), { RegistryName: 'food-delivery-schemas' });
      expect(full, e.detailType).toMatchObject({ valid: true, schema: { SchemaName: `${e.producer!.source}@${e.detailType}` } });
      expect(reg.validateEvent(sampleEnvelope(e, sampleDetail(e, false)), { RegistryName: 'food-delivery-schemas' }).valid).toBe(true);
    }
    const placed = deriveArchitecture(board).events.find((e) => e.detailType === 'OrderPlaced')!;
    const bad = sampleEnvelope(placed, { ...sampleDetail(placed), total: 'twelve' });
    delete (bad.detail as Record<string, unknown>).orderId;
    const r = reg.validateEvent(bad, { RegistryName: 'food-delivery-schemas' });
    expect(r.valid).toBe(false);
    expect(r.problems.map((p) => p.path).sort()).toEqual(['detail.orderId', 'detail.total']);
  });

  it('uses the registry\'s envelope with the event\'s source and detail-type, and the agreed types', () => {
    const placed = eventSchemas(exampleBoard()).find((s) => s.event.detailType === 'OrderPlaced')!;
    const schemas = (placed.content.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    expect(schemas.AWSEvent).toMatchObject({ 'x-amazon-events-source': 'food.orders', 'x-amazon-events-detail-type': 'OrderPlaced', properties: { detail: { $ref: '#/components/schemas/OrderPlaced' } } });
    expect(schemas.OrderPlaced).toEqual({
      type: 'object',
      required: ['currency', 'customerId', 'dishes', 'orderId', 'restaurantId', 'total'],
      properties: {
        currency: { type: 'string' }, customerId: { type: 'string' }, dishes: { type: 'array', items: { type: 'string' } }, orderId: { type: 'string' },
        placedAt: { type: 'string', format: 'date-time' }, restaurantId: { type: 'string' }, total: { type: 'number', format: 'double' },
      },
    });
  });

  it('follows the board: a field added at step 8 appears in the files', () => {
    const b = updateSticky(exampleBoard(), 'ev-order-rated', { fields: [{ name: 'stars', type: 'integer', required: true }, { name: 'tip', type: 'boolean', required: true }] });
    const files = exportSchemas(b);
    const rated = JSON.parse(files['food.orders@OrderRated.json']!);
    expect(rated.components.schemas.OrderRated.properties).toEqual({ stars: { type: 'integer', format: 'int64' }, tip: { type: 'boolean' } });
    expect(JSON.parse(files['index.json']!).schemas).toHaveLength(13);
  });
});
