import { describe, expect, it } from 'vitest';
import { DISCOVERED_REGISTRY, SchemaRegistryService } from './registry.ts';
import { SchemaRegistryError } from './types.ts';
import { talkEvent, talkEventSchema, validTalkDetail } from './talk-example.fixture.ts';

function fresh() {
  let t = Date.UTC(2024, 0, 1);
  const reg = new SchemaRegistryService({ region: 'eu-west-1', account: '111122223333', now: () => (t += 1000) });
  reg.createRegistry({ RegistryName: 'talk' });
  return reg;
}

function errorOf(fn: () => unknown): SchemaRegistryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SchemaRegistryError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('SchemaRegistryService', () => {
  it('creates registries and versioned schemas with ARNs', () => {
    const reg = fresh();
    const v1 = reg.createSchema({ RegistryName: 'talk', SchemaName: 'com.example.talk@Event', Type: 'OpenApi3', Content: JSON.stringify(talkEventSchema) });
    expect(v1.SchemaVersion).toBe('1');
    expect(v1.SchemaArn).toBe('arn:aws:schemas:eu-west-1:111122223333:schema/talk/com.example.talk@Event');
    const changed = structuredClone(talkEventSchema);
    changed.components.schemas.Event.required.push('address');
    const v2 = reg.updateSchema({ RegistryName: 'talk', SchemaName: 'com.example.talk@Event', Content: changed });
    expect(v2.SchemaVersion).toBe('2');
    const same = reg.updateSchema({ RegistryName: 'talk', SchemaName: 'com.example.talk@Event', Content: changed });
    expect(same.SchemaVersion).toBe('2');
    expect(reg.listSchemaVersions({ RegistryName: 'talk', SchemaName: 'com.example.talk@Event' }).SchemaVersions.map((v) => v.SchemaVersion)).toEqual(['1', '2']);
    expect(JSON.parse(reg.describeSchema({ RegistryName: 'talk', SchemaName: 'com.example.talk@Event', SchemaVersion: '1' }).Content)).toEqual(talkEventSchema);
    expect(reg.listRegistries().Registries.map((r) => r.RegistryName)).toEqual([DISCOVERED_REGISTRY, 'talk']);
  });

  it('validates an event against the schema bound to its source and detail-type (latest version)', () => {
    const reg = fresh();
    reg.createSchema({ RegistryName: 'talk', SchemaName: 'com.example.talk@Event', Type: 'OpenApi3', Content: talkEventSchema });
    expect(reg.validateEvent(talkEvent(validTalkDetail))).toEqual({
      schema: { RegistryName: 'talk', SchemaName: 'com.example.talk@Event', SchemaVersion: '1' },
      valid: true,
      problems: [],
    });
    const changed = structuredClone(talkEventSchema);
    changed.components.schemas.Event.properties.address = { type: 'integer' } as never;
    reg.updateSchema({ RegistryName: 'talk', SchemaName: 'com.example.talk@Event', Content: changed });
    const r = reg.validateEvent(JSON.stringify(talkEvent(validTalkDetail)));
    expect(r.schema?.SchemaVersion).toBe('2');
    expect(r.problems).toEqual([{ path: 'detail.address', message: 'should be a whole number but is the string "1 Main Street"' }]);
    expect(reg.validateEvent({ ...talkEvent(validTalkDetail), source: 'other' }).problems[0]?.message).toMatch(/no schema is registered/);
  });

  it('rejects bad input with the AWS error names', () => {
    const reg = fresh();
    expect(errorOf(() => reg.createRegistry({ RegistryName: 'talk' })).code).toBe('ConflictException');
    expect(errorOf(() => reg.describeRegistry({ RegistryName: 'nope' })).code).toBe('NotFoundException');
    const bad = errorOf(() => reg.createSchema({ RegistryName: 'talk', SchemaName: 's', Type: 'OpenApi3', Content: '{"openapi":"3.0.0"}' }));
    expect(bad.code).toBe('BadRequestException');
    expect(bad.message).toMatch(/components\.schemas/);
    expect(errorOf(() => reg.createSchema({ RegistryName: 'talk', SchemaName: 's', Type: 'Avro' as never, Content: '{}' })).message).toMatch(/OpenApi3/);
    reg.createSchema({ RegistryName: 'talk', SchemaName: 's', Type: 'OpenApi3', Content: talkEventSchema });
    expect(errorOf(() => reg.deleteSchemaVersion({ RegistryName: 'talk', SchemaName: 's', SchemaVersion: '1' })).message).toMatch(/only version/);
    expect(errorOf(() => reg.describeSchema({ RegistryName: 'talk', SchemaName: 's', SchemaVersion: '9' })).code).toBe('NotFoundException');
  });

  it('discovers schemas from events, versioning them as the events change', () => {
    const reg = fresh();
    const v1 = reg.discover(talkEvent(validTalkDetail));
    expect(v1?.SchemaName).toBe('com.example.talk@Event');
    expect(reg.discover(talkEvent(validTalkDetail))?.SchemaVersion).toBe('1');
    const v2 = reg.discover(talkEvent({ ...validTalkDetail, discount: 0.1 }));
    expect(v2?.SchemaVersion).toBe('2');
    // the discovered schema is used for validation when no user schema exists
    const r = reg.validateEvent(talkEvent({ ...validTalkDetail, price: 'free' }));
    expect(r.schema?.RegistryName).toBe(DISCOVERED_REGISTRY);
    expect(r.problems.map((p) => p.path)).toEqual(['detail.price']);
    const bindings = reg.getCodeBindingSource({ RegistryName: DISCOVERED_REGISTRY, SchemaName: 'com.example.talk@Event', Language: 'TypeScript3' });
    expect(bindings.code).toContain('discount?: number;');
    expect(bindings.code).toContain('price: number;');
  });

  it('accepts a draft 4 schema bound by enum on source and detail-type', () => {
    const reg = fresh();
    reg.createSchema({
      RegistryName: 'talk', SchemaName: 'orders', Type: 'JSONSchemaDraft4',
      Content: { type: 'object', properties: { source: { enum: ['com.shop'] }, 'detail-type': { enum: ['Order Placed'] }, detail: { type: 'object', required: ['id'] } } },
    });
    const r = reg.validateEvent({ source: 'com.shop', 'detail-type': 'Order Placed', detail: {} });
    expect(r.schema?.SchemaName).toBe('orders');
    expect(r.problems).toEqual([{ path: 'detail.id', message: 'is required but missing' }]);
  });
});
