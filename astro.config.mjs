// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { courseModules } from './src/course/modules.ts';
import { listLabLinks } from './src/course/lab-list.ts';

const labs = listLabLinks('./labs');

export default defineConfig({
  site: 'https://eventbridge-course.example',
  server: { port: 4321, host: '127.0.0.1' },
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
        Sidebar: './src/components/starlight/Sidebar.astro',
      },
      sidebar: [
        { label: 'Course home', link: '/' },
        ...courseModules.map((m) => ({ label: m.title, items: [{ autogenerate: { directory: m.id } }] })),
        {
          label: 'Labs',
          items: [{ label: 'All labs', link: '/labs/' }, ...labs.map((l) => ({ label: l.title, link: `/labs/${l.id}/` }))],
        },
        {
          label: 'Reference',
          items: [{ label: 'Progress and backup', link: '/progress/' }],
        },
      ],
    }),
  ],
});
