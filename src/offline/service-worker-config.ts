// What the service worker precaches and how it routes, given to Workbox's generateSW after `astro build`.
// Everything the course needs offline is in the build: pages, the lab runtime, the editor, the search index.
import type { GenerateSWOptions } from 'workbox-build';

export const SW_FILE = 'sw.js';
export const MANIFEST_FILE = 'manifest.webmanifest';
/** Monaco's and TypeScript's largest chunks are a few MB: nothing the course ships is left out for size. */
export const MAX_PRECACHE_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The Node.js terminal's client code (the runner, the project it mounts, xterm): the terminal boots from
 * StackBlitz, so it never starts offline (the page says so before importing any of it), and precaching
 * it would cost every learner about 270 KB gzipped for nothing. Chunk names are the modules' names.
 */
export const ONLINE_ONLY_CHUNKS = ['webcontainer-runner', 'project-sources', 'xterm'];

export function serviceWorkerOptions(distDir: string): GenerateSWOptions {
  return {
    globDirectory: distDir,
    globPatterns: ['**/*.{html,js,mjs,css,svg,png,ico,json,wasm,woff,woff2,ttf,webmanifest,txt,xml}', 'pagefind/**/*'],
    globIgnores: [SW_FILE, 'workbox-*.js', '_headers', '**/*.map', ...ONLINE_ONLY_CHUNKS.map((name) => `_astro/${name}.*`)],
    swDest: `${distDir}/${SW_FILE}`,
    maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
    // Hashed names under /_astro/ are their own revision.
    dontCacheBustURLsMatching: /\/_astro\//,
    // `?editor=plain`, assignment links and the like name the same page.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    navigateFallback: '/404.html',
    // The meetup API is live data, never cached.
    navigateFallbackDenylist: [/^\/api\//],
    // A new version waits until the learner accepts the update prompt.
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  };
}

/** The web app manifest, so the course installs as an app. */
export function webAppManifest(base: string): Record<string, unknown> {
  return {
    name: 'Event-Driven Serverless with Amazon EventBridge',
    short_name: 'EventBridge course',
    description: 'A hands-on course on event-driven serverless architecture, with labs that run in the browser, offline.',
    start_url: `${base}/`,
    scope: `${base}/`,
    display: 'standalone',
    background_color: '#17181c',
    theme_color: '#17181c',
    icons: [{ src: `${base}/favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
}
