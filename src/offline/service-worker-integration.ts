// Astro integration: after the build, Workbox generates `sw.js` precaching the whole course, and a web app
// manifest is written; every page gets the small script that registers the worker and shows its status.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { MANIFEST_FILE, serviceWorkerOptions, webAppManifest } from './service-worker-config.ts';

export function offlineCourse(): AstroIntegration {
  let base = '';
  return {
    name: 'ebc-offline-course',
    hooks: {
      'astro:config:setup': ({ config, injectScript }) => {
        base = config.base.replace(/\/$/, '');
        injectScript('page', `import ${JSON.stringify(fileURLToPath(new URL('./offline-status.ts', import.meta.url)))};`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir).replace(/\/$/, '');
        writeFileSync(`${dist}/${MANIFEST_FILE}`, `${JSON.stringify(webAppManifest(base), null, 2)}\n`);
        const { count, size, warnings } = await generateSW(serviceWorkerOptions(dist));
        for (const w of warnings) logger.warn(w);
        logger.info(`service worker: ${count} files precached (${(size / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}
