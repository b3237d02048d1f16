// Lambda's Node.js runtimes as AWS lists them today: the emulator, the templates, the labs and the lessons
// read them from here. nodejs20.x reached end of support on 2026-04-30 (Lambda runtimes page).

/** Runtimes AWS currently supports for new and updated functions, oldest first. */
export const SUPPORTED_NODE_RUNTIMES = ['nodejs22.x', 'nodejs24.x'] as const;

/** The runtime the course's samples and templates use. */
export const DEFAULT_NODE_RUNTIME = 'nodejs22.x';

/** Deprecated runtimes with the date their support ended (ISO date). */
export const DEPRECATED_NODE_RUNTIMES: Readonly<Record<string, string>> = {
  'nodejs20.x': '2026-04-30',
  'nodejs18.x': '2025-09-01',
  'nodejs16.x': '2024-06-12',
};
