// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { courseModules } from './src/course/modules.ts';
import { listLabLinks } from './src/course/lab-list.ts';
import { listLessonSlugs } from './src/course/lesson-list.ts';
import { offlineCourse } from './src/offline/service-worker-integration.ts';
import { headersFor, readHeadersFile } from './src/site/headers-file.ts';
import { devHeaders } from './src/site/dev-headers-integration.ts';
import { editorTsLibs } from './src/site/editor-ts-libs.ts';

const labs = listLabLinks('./labs');
const COMMENTS = { legal: true, annotation: false, jsdoc: false };
// `npm start` and `npm run preview` send the headers every page gets when deployed (public/_headers).
const headerRules = readHeadersFile('./public/_headers');
const siteHeaders = headersFor(headerRules, '/');

export default defineConfig({
  // Separate output and cache folders let several builds (for example parallel test runs) share one checkout.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  site: 'https://eventbridge-course.example',
  server: { port: 4321, host: '127.0.0.1', headers: siteHeaders },
  vite: {
    // The editor's TypeScript worker gets only the standard library a handler is checked against.
    plugins: [editorTsLibs()],
    // One comment policy for the page's build and the workers' (below): licence notices kept (the TypeScript
    // compiler's Apache-2.0 header), annotations dropped, so the compiler chunk both make is the same file.
    build: { rolldownOptions: { output: { comments: COMMENTS } } },
    // Pre-bundled at start, so that the first Run in `npm start` does not meet Vite's "Outdated Optimize Dep" reload.
    optimizeDeps: { include: ['@aws-sdk/client-eventbridge', 'ajv', 'ajv-draft-04', 'ajv-formats'] },
    worker: {
      // ES module workers: the lab runner loads the AWS SDK as a chunk of its own, only for labs whose handlers import it.
      format: 'es',
      plugins: () => [editorTsLibs()],
      rollupOptions: {
        output: {
          // The lab runner gets a folder of its own, so public/_headers can give it a stricter policy.
          entryFileNames: (chunk) => (chunk.name.startsWith('lab-worker') ? '_astro/lab-runner/[name]-[hash].js' : '_astro/[name]-[hash].js'),
          // The TypeScript compiler is a chunk of both the lab worker and the page (Download project): named as
          // the page's build names it, the two identical copies are one file, downloaded and cached once.
          chunkFileNames: (chunk) => (chunk.name === 'typescriptServices' ? '_astro/[name].[hash].js' : '_astro/[name]-[hash].js'),
          comments: COMMENTS,
        },
      },
    },
  },
  // No telemetry or fetches: the course must build offline.
  integrations: [
    starlight({
      title: 'Event-Driven Serverless',
      description: 'A hands-on course on event-driven serverless architecture with Amazon EventBridge.',
      favicon: '/favicon.svg',
      customCss: ['./src/styles/course.css'],
      lastUpdated: false,
      pagination: true,
      components: {
        Footer: './src/components/starlight/Footer.astro',
        PageTitle: './src/components/starlight/PageTitle.astro',
        Sidebar: './src/components/starlight/Sidebar.astro',
      },
      sidebar: [
        { label: 'Course home', link: '/' },
        ...courseModules
          .map((m) => ({ label: m.title, items: listLessonSlugs('./content', m.id).map((slug) => ({ slug })) }))
          .filter((group) => group.items.length > 0),
        {
          label: 'Labs',
          items: [{ label: 'All labs', link: '/labs/' }, ...labs.map((l) => ({ label: l.title, link: `/labs/${l.id}/` }))],
        },
        {
          label: 'Reference',
          items: [
            { label: 'Glossary', link: '/reference/glossary/' },
            { label: 'References', link: '/reference/references/' },
            { label: 'Progress and backup', link: '/progress/' },
          ],
        },
      ],
    }),
    offlineCourse(),
    devHeaders(headerRules),
  ],
});
