// `npm run preview` and the browser tests' server: the built site (`dist/`, or ASTRO_OUT_DIR) served as a
// static host serves it, with every path's headers from its `_headers` file (the lab runner's stricter
// policy included), which `astro preview` cannot do: it sends one set of headers for every path.
import { existsSync } from 'node:fs';
import { serveFolder } from './static-server.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const dist = process.env.ASTRO_OUT_DIR ?? 'dist';
if (!existsSync(dist)) {
  console.error(`No build found at "${dist}". Run \`npm run build\` first.`);
  process.exit(2);
}
const port = Number(option('port', '4321'));
const host = option('host', '127.0.0.1');
try {
  const server = await serveFolder(dist, { port, host });
  console.log(`Serving ${dist}/ at ${server.url}/ with the headers of ${dist}/_headers`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
} catch (e) {
  console.error(`The preview server could not start on ${host}:${port}: ${(e as Error).message}`);
  process.exit(1);
}
