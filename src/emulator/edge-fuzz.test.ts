// A fuzz test over the operation tables: for every operation, a body that is not JSON, a member of the
// wrong type, and each required member left out get the service's own error code (never a 500), and
// the emulator keeps serving. Shapes are read from each row's own schema, so new rows are covered.
import { ListEventBusesCommand } from '@aws-sdk/client-eventbridge';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './emulator.ts';
import { EVENTS_OPERATIONS } from './events-operations.ts';
import { LOGS_OPERATIONS } from './logs-operations.ts';
import { EVENTS_PREFIX, LOGS_PREFIX } from './core-endpoints.ts';
import type { OperationTable } from './operation-table.ts';
import { clientsFor } from './test-clients.ts';

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
}

/** A value of the member's own type (required members filled in, recursively). */
function sample(s: Schema): unknown {
  const type = Array.isArray(s.type) ? s.type[0] : s.type ?? s.anyOf?.[0]?.type;
  switch (type) {
    case 'string': return 'x';
    case 'number': case 'integer': return 1;
    case 'boolean': return true;
    case 'array': return [];
    case 'object': return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k] ?? {})]));
    default: return 'x';
  }
}

/** A value no member of this type accepts. */
function wrong(s: Schema): unknown {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  return type === 'string' ? 12345 : type === undefined ? undefined : 'not-the-right-type';
}

const services: [string, string, OperationTable<unknown>, string][] = [
  ['EventBridge', EVENTS_PREFIX, EVENTS_OPERATIONS as OperationTable<unknown>, 'ValidationException'],
  ['CloudWatch Logs', LOGS_PREFIX, LOGS_OPERATIONS as OperationTable<unknown>, 'InvalidParameterException'],
];

let em: Emulator;
beforeAll(async () => {
  em = await createEmulator({ port: 0 });
});
afterAll(async () => {
  await em?.close();
});

const call = async (target: string, body: string): Promise<{ status: number; type: string }> => {
  const res = await fetch(em.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, body });
  const json = (await res.json()) as { __type?: string };
  return { status: res.status, type: json.__type ?? '' };
};

describe.each(services)('%s: bad input at the edge', (_name, prefix, table, validationCode) => {
  it('answers every operation with the service\'s own error code, and keeps serving', async () => {
    const checked: string[] = [];
    for (const [op, row] of Object.entries(table)) {
      const schema = z.toJSONSchema(row.input, { io: 'input', unrepresentable: 'any' }) as Schema;
      const target = `${prefix}.${op}`;
      expect(await call(target, '{"not json'), `${op} with a body that is not JSON`).toEqual({ status: 400, type: 'SerializationException' });
      expect(await call(target, '"a string"'), `${op} with a body that is not an object`).toEqual({ status: 400, type: 'SerializationException' });
      const valid = sample(schema) as Record<string, unknown>;
      // The smallest well-typed input reaches the service, which may refuse it, but never fails inside.
      expect((await call(target, JSON.stringify(valid))).status, `${op} with its required members only`).toBeLessThan(500);
      for (const [member, memberSchema] of Object.entries(schema.properties ?? {})) {
        const bad = wrong(memberSchema);
        if (bad === undefined) continue;
        expect(await call(target, JSON.stringify({ ...valid, [member]: bad })), `${op} with ${member} of the wrong type`).toEqual({ status: 400, type: 'SerializationException' });
        checked.push(`${op}.${member}`);
      }
      for (const member of schema.required ?? []) {
        const { [member]: _left, ...rest } = valid;
        expect(await call(target, JSON.stringify(rest)), `${op} without ${member}`).toEqual({ status: 400, type: validationCode });
      }
    }
    expect(checked.length).toBeGreaterThan(Object.keys(table).length);
    expect((await clientsFor(em.url).events.send(new ListEventBusesCommand({}))).EventBuses?.length).toBeGreaterThan(0);
  }, 60_000);
});
