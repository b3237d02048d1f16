// Test helper: a HandlerHost whose "modules" are plain functions keyed by file name.
import type { HandlerHost, LabHandler } from './lab-scenario.ts';

export function functionHost(handlers: Record<string, LabHandler>): HandlerHost {
  return {
    async loadHandler(file, _source, exportName) {
      const fn = handlers[file];
      if (!fn) throw new Error(`${file} has no exported function "${exportName}".`);
      return fn;
    },
  };
}
