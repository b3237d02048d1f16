import { describe, expect, it } from 'vitest';
import { importedModules, SDK_SPECIFIER, useModule } from './module-specifiers.ts';

describe('module specifiers of a compiled handler', () => {
  const js = [
    `import { EventBridgeClient, PutEventsCommand } from '${SDK_SPECIFIER}';`,
    `import * as all from "${SDK_SPECIFIER}";`,
    `import './side-effect.js';`,
    `export { x } from './other.js';`,
    `const later = await import('${SDK_SPECIFIER}');`,
    `const other = await import('node:fs');`,
    `const names = ['import', () => import('http://elsewhere/x.js')];`,
  ].join('\n');

  it('finds the static imports and re-exports, not strings or dynamic imports', () => {
    expect(importedModules(js)).toEqual([SDK_SPECIFIER, './side-effect.js', './other.js']);
  });

  it('points the SDK elsewhere, statically and dynamically, keeping every other import as written', () => {
    const out = useModule(js, SDK_SPECIFIER, 'blob:https://course/1');
    expect(out).toContain(`import { EventBridgeClient, PutEventsCommand } from "blob:https://course/1";`);
    expect(out).toContain(`import * as all from "blob:https://course/1";`);
    expect(out).toContain(`await import("blob:https://course/1")`);
    expect(out).toContain(`import './side-effect.js';`);
    expect(out).toContain(`import('node:fs')`);
    expect(out).not.toContain(SDK_SPECIFIER);
  });
});
