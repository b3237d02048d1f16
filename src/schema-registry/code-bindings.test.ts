import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generateTypeScript } from './code-bindings.ts';
import { inferSchema } from './discovery.ts';
import { talkEventSchema } from './talk-example.fixture.ts';

/** Type-checks generated code plus a usage snippet with the real compiler and @types/aws-lambda. */
function typeErrors(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bindings-'));
  const names = Object.entries(files).map(([name, text]) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  });
  const program = ts.createProgram(names, {
    strict: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022, allowImportingTsExtensions: true, types: [], typeRoots: [join(process.cwd(), 'node_modules/@types')],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('TypeScript code bindings', () => {
  it('turns the talk example into an interface with required and optional fields', () => {
    const { code, detailTypeName } = generateTypeScript('OpenApi3', talkEventSchema);
    expect(detailTypeName).toBe('Event');
    expect(code).toContain('export interface Event {');
    expect(code).toMatch(/ordinal: number;/);
    expect(code).toMatch(/address\?: string;/);
    expect(code).toMatch(/comments\?: string\[\];/);
    expect(code).toContain('format: date-time');
    expect(typeErrors({ 'event.ts': code })).toEqual([]);
  }, 30_000);

  it('types a Lambda handler as EventBridgeEvent<detail-type, Detail> for a discovered schema', () => {
    const schema = inferSchema([
      { source: 'com.shop', 'detail-type': 'OrderPlaced', detail: { orderId: 'o1', total: 3.5, customer: { id: 'c1' }, lines: [{ sku: 'a' }] } },
    ]);
    const { code } = generateTypeScript('OpenApi3', schema);
    expect(code).toContain(`import type { EventBridgeEvent } from 'aws-lambda';`);
    expect(code).toContain('export type OrderPlacedEvent = EventBridgeEvent<"OrderPlaced", OrderPlaced>;');
    const handler = `import type { EventBridgeEvent } from 'aws-lambda';
import type { OrderPlaced } from './bindings.ts';
export const handler = async (event: EventBridgeEvent<'OrderPlaced', OrderPlaced>): Promise<number> => {
  const sku: string = event.detail.lines[0]?.sku ?? '';
  return event.detail.total + event.detail.customer.id.length + sku.length;
};
`;
    expect(typeErrors({ 'bindings.ts': code, 'handler.ts': handler })).toEqual([]);
    const wrong = handler.replace('event.detail.total +', 'event.detail.totl +');
    expect(typeErrors({ 'bindings.ts': code, 'handler.ts': wrong }).join('\n')).toMatch(/totl/);
  }, 30_000);

  it('handles draft 4 schemas with enums, nullable unions and inline objects', () => {
    const { code } = generateTypeScript('JSONSchemaDraft4', {
      title: 'Shipment',
      type: 'object',
      required: ['status'],
      properties: {
        status: { enum: ['sent', 'lost'] },
        eta: { type: ['string', 'null'] },
        'carrier-info': { type: 'object', properties: { name: { type: 'string' } } },
      },
    });
    expect(code).toContain('status: "sent" | "lost";');
    expect(code).toContain('eta?: string | null;');
    expect(code).toContain('"carrier-info"?: ShipmentCarrierInfo;');
    expect(code).toContain('export interface ShipmentCarrierInfo {');
    expect(typeErrors({ 'shipment.ts': code })).toEqual([]);
  }, 30_000);
});
