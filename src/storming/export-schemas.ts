// `schemas`: one OpenAPI 3 document per published event, in the shape the EventBridge schema registry
// uses (an AWSEvent envelope whose detail references the event's own schema). The registry's discoverer
// writes them from two samples, all fields and required fields only, so optional fields come out optional.
import { discoveredSchemaName, SchemaDiscoverer } from '../schema-registry/discovery.ts';
import type { JsonObject } from '../schema-registry/types.ts';
import type { Board } from './board-format.ts';
import { deriveArchitecture } from './architecture.ts';
import type { ArchEvent } from './architecture.ts';
import { json, type ExportFiles } from './export-files.ts';
import { sampleDetail, sampleEnvelope } from './sample-events.ts';

export interface EventSchema {
  event: ArchEvent;
  /** The registry's name for it: "<source>@<DetailType>". */
  schemaName: string;
  type: 'OpenApi3';
  content: JsonObject;
}

export function eventSchemas(board: Board): EventSchema[] {
  return deriveArchitecture(board).events.filter((e) => e.producer).map((e) => {
    const d = new SchemaDiscoverer();
    d.observe(sampleEnvelope(e, sampleDetail(e, true)));
    const name = d.observe(sampleEnvelope(e, sampleDetail(e, false))) as string;
    return { event: e, schemaName: discoveredSchemaName(e.producer?.source ?? '', e.detailType), type: 'OpenApi3' as const, content: d.schema(name) as JsonObject };
  });
}

export function exportSchemas(board: Board): ExportFiles {
  const files: ExportFiles = {};
  const index = eventSchemas(board).map((s) => {
    const file = `${s.schemaName}.json`;
    files[file] = json(s.content);
    return { SchemaName: s.schemaName, Type: s.type, file, source: s.event.producer?.source, detailType: s.event.detailType };
  });
  files['index.json'] = json({ registry: board.bus.name ? `${board.bus.name}-schemas` : 'storming-schemas', schemas: index });
  return files;
}
