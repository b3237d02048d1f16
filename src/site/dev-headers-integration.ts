// `npm start` sends what the deployed site sends: Vite's `server.headers` gives every path the site-wide
// headers, and this gives the lab runner's worker (served in development from its source path, not from
// /_astro/lab-runner/) the stricter policy `_headers` gives that folder.
import type { AstroIntegration } from 'astro';
import { headersFor, type HeaderRule } from './headers-file.ts';

/** Where the built lab worker lives, so its rules in `_headers` apply to the development copy too. */
export const LAB_RUNNER_PATH = '/_astro/lab-runner/lab-worker.js';

/** The development URL of the lab worker (`new Worker(new URL('./lab-worker.ts', ...))` in worker-runner.ts). */
export function isDevLabWorker(url: string): boolean {
  return /\/lab-worker\.ts\?(?:.*&)?worker_file\b/.test(url);
}

export function devHeaders(rules: HeaderRule[]): AstroIntegration {
  return {
    name: 'ebc-dev-headers',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (isDevLabWorker(req.url ?? '')) {
            const ours = Object.entries(headersFor(rules, LAB_RUNNER_PATH));
            for (const [name, value] of ours) res.setHeader(name, value);
            // Vite sets `server.headers` again when it sends the module: keep the worker's own values.
            const set = res.setHeader.bind(res);
            const mine = new Set(ours.map(([name]) => name.toLowerCase()));
            res.setHeader = (name, value) => (mine.has(name.toLowerCase()) ? res : set(name, value));
          }
          next();
        });
      },
    },
  };
}
