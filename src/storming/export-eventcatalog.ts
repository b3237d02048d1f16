// `eventcatalog`: a folder in EventCatalog's layout (domains/, services/, events/, each an index.mdx with
// frontmatter). Contexts become domains, service notes services (sends/receives), events carry their
// registry schema as schema.json (frontmatter `schemaPath`). Layout and fields per eventcatalog.dev docs.
import type { Board } from './board-format.ts';
import { deriveArchitecture } from './architecture.ts';
import { eventSchemas } from './export-schemas.ts';
import { json, type ExportFiles } from './export-files.ts';
import { pascalCase } from '../schema-registry/discovery.ts';

export const CATALOG_VERSION = '0.0.1';

type Yaml = string | Yaml[] | { [k: string]: Yaml };

// Scalars are written JSON-quoted: valid YAML, and safe for any text a note holds.
function yamlLines(value: Yaml, indent: string): string[] {
  if (typeof value === 'string') return [JSON.stringify(value)];
  if (Array.isArray(value)) {
    if (value.length === 0) return ['[]'];
    return value.flatMap((item) => {
      const lines = typeof item === 'object' && !Array.isArray(item) ? mapLines(item, `${indent}  `) : yamlLines(item, `${indent}  `);
      const [first, ...rest] = lines;
      return [`\n${indent}- ${(first ?? '').trimStart()}`, ...rest.map((l) => `\n${l}`)];
    });
  }
  return mapLines(value, indent).map((l) => `\n${l}`);
}

function mapLines(obj: { [k: string]: Yaml }, indent: string): string[] {
  return Object.entries(obj).map(([k, v]) => {
    const body = yamlLines(v, indent).join('');
    return `${indent}${k}:${body.startsWith('\n') ? body : ` ${body}`}`;
  });
}

export function frontmatter(fields: { [k: string]: Yaml }): string {
  return `---\n${mapLines(fields, '').join('\n')}\n---\n`;
}

const ref = (id: string) => ({ id, version: CATALOG_VERSION });

/** Board text in an MDX body: characters MDX would read as JSX, an expression or markup become references. */
export function mdxText(text: string): string {
  return text.replace(/[<>{}&`*_\[\]#|\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function exportEventCatalog(board: Board): ExportFiles {
  const arch = deriveArchitecture(board);
  const files: ExportFiles = {};
  for (const c of arch.contexts) {
    const services = arch.services.filter((s) => s.context?.id === c.id);
    files[`domains/${pascalCase(c.name)}/index.mdx`] = `${frontmatter({
      id: pascalCase(c.name), name: c.name, version: CATALOG_VERSION,
      summary: `The ${c.name} bounded context, from the storming board "${board.title}".`,
      services: services.map((s) => ref(s.slug)),
    })}\n## Overview\n\nServices: ${mdxText(services.map((s) => s.name).join(', ')) || 'none yet'}.\n\n<NodeGraph />\n`;
  }
  for (const s of arch.services) {
    files[`services/${s.slug}/index.mdx`] = `${frontmatter({
      id: s.slug, name: s.name, version: CATALOG_VERSION,
      summary: `Publishes on the ${arch.busName || 'system'} bus with source ${s.source}.`,
      sends: s.publishes.map((e) => ref(e.detailType)),
      receives: s.consumes.map((e) => ref(e.detailType)),
    })}\n## Overview\n\n${s.context ? `Part of the ${mdxText(s.context.name)} context.` : 'Not yet in a context.'}\n\n<NodeGraph />\n`;
  }
  const schemas = new Map(eventSchemas(board).map((x) => [x.event.id, x]));
  for (const e of arch.events) {
    const schema = schemas.get(e.id);
    const fields: { [k: string]: Yaml } = {
      id: e.detailType, name: e.text, version: CATALOG_VERSION,
      summary: `${e.text}${e.producer ? `, published by ${e.producer.name}` : ''}${e.aggregate ? ` (aggregate ${e.aggregate.text})` : ''}.`,
    };
    if (schema) fields.schemaPath = 'schema.json';
    files[`events/${e.detailType}/index.mdx`] = `${frontmatter(fields)}\n## Overview\n\n${e.consumers.length ? `Consumed by ${mdxText(e.consumers.map((c) => c.name).join(', '))}.` : 'No consumer yet.'}${schema ? `\n\nSchema: \`${schema.schemaName}\` in the EventBridge schema registry (OpenAPI 3).` : ''}\n\n<NodeGraph />\n`;
    if (schema) files[`events/${e.detailType}/schema.json`] = json(schema.content);
  }
  return files;
}
