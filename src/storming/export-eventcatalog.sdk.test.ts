// The EventCatalog export read back by EventCatalog's own SDK (@eventcatalog/sdk), not by our reading of
// its docs: what the SDK finds is what EventCatalog builds its pages and graphs from.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import eventCatalogSdk from '@eventcatalog/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pascalCase } from '../schema-registry/discovery.ts';
import { kebabCase } from './architecture.ts';
import { contextOf } from './board-model.ts';
import { exampleBoard } from './example-board.ts';
import { CATALOG_VERSION, exportEventCatalog } from './export-eventcatalog.ts';

const board = exampleBoard();
const services = board.stickies.filter((s) => s.kind === 'service');
const events = board.stickies.filter((s) => s.kind === 'event');
const serviceSlug = (stickyId: string) => kebabCase(services.find((s) => s.id === stickyId)!.text);
const sorted = (xs: string[]) => [...xs].sort();

describe('EventCatalog export, read by @eventcatalog/sdk', () => {
  let dir = '';
  let sdk: ReturnType<typeof eventCatalogSdk>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storming-eventcatalog-'));
    for (const [path, text] of Object.entries(exportEventCatalog(board))) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    sdk = eventCatalogSdk(dir);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds every bounded context as a domain, with its services', async () => {
    const domains = await sdk.getDomains();
    expect(sorted(domains.map((d) => d.id))).toEqual(sorted(board.contexts.map((c) => pascalCase(c.name))));
    for (const c of board.contexts) {
      const d = await sdk.getDomain(pascalCase(c.name));
      expect(d, c.name).toMatchObject({ id: pascalCase(c.name), name: c.name, version: CATALOG_VERSION });
      const inContext = services.filter((s) => contextOf(board, s)?.id === c.id).map((s) => kebabCase(s.text));
      expect(sorted((d.services ?? []).map((p) => p.id)), c.name).toEqual(sorted(inContext));
    }
  });

  it("finds every service, and its sends/receives are the board's producers and consumers", async () => {
    expect(sorted((await sdk.getServices()).map((s) => s.id))).toEqual(sorted(services.map((s) => kebabCase(s.text))));
    for (const s of services) {
      const found = await sdk.getService(kebabCase(s.text));
      expect(found, s.text).toMatchObject({ id: kebabCase(s.text), name: s.text, version: CATALOG_VERSION });
      const sends = events.filter((e) => e.owner === s.id).map((e) => pascalCase(e.text));
      const receives = events.filter((e) => e.consumers?.includes(s.id)).map((e) => pascalCase(e.text));
      expect(sorted((found.sends ?? []).map((p) => p.id)), `${s.text} sends`).toEqual(sorted(sends));
      expect(sorted((found.receives ?? []).map((p) => p.id)), `${s.text} receives`).toEqual(sorted(receives));
      // A pointer's version must resolve to the event page's version, or EventCatalog draws no edge.
      for (const p of [...(found.sends ?? []), ...(found.receives ?? [])]) expect(p.version, `${s.text} -> ${p.id}`).toBe(CATALOG_VERSION);
    }
  });

  it('finds every event with its producers, consumers and registry schema', async () => {
    expect(sorted((await sdk.getEvents()).map((e) => e.id))).toEqual(sorted(events.map((e) => pascalCase(e.text))));
    for (const e of events) {
      const id = pascalCase(e.text);
      expect(await sdk.getEvent(id), id).toMatchObject({ id, name: e.text, version: CATALOG_VERSION, schemaPath: 'schema.json' });
      const { producers, consumers } = await sdk.getProducersAndConsumersForMessage(id, CATALOG_VERSION);
      expect(producers.map((p) => p.id), `${id} producers`).toEqual(e.owner ? [serviceSlug(e.owner)] : []);
      expect(sorted(consumers.map((c) => c.id)), `${id} consumers`).toEqual(sorted((e.consumers ?? []).map(serviceSlug)));
      const schema = await sdk.getSchemaForMessage(id);
      expect(schema?.fileName, id).toBe('schema.json');
      expect(JSON.parse(schema!.schema).components.schemas.AWSEvent['x-amazon-events-detail-type'], id).toBe(id);
    }
  });
});
