import { describe, expect, it } from 'vitest';
import { importedModules, labModuleFile, SDK_SPECIFIER, useModule } from './module-specifiers.ts';

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

describe('relative imports of a lab module', () => {
  const files = { 'handler.ts': '', 'warehouse.ts': '', 'helper.js': '', 'notes.json': '{}' };
  it('finds the lab file a specifier names, with or without its extension, .js meaning the .ts source', () => {
    expect(labModuleFile('./warehouse.ts', files)).toBe('warehouse.ts');
    expect(labModuleFile('./warehouse.js', files)).toBe('warehouse.ts');
    expect(labModuleFile('./warehouse', files)).toBe('warehouse.ts');
    expect(labModuleFile('./helper.js', files)).toBe('helper.js');
  });
  it('refuses what is not a module of the lab folder', () => {
    expect(labModuleFile('./missing.ts', files)).toBeUndefined();
    expect(labModuleFile('./notes.json', files)).toBeUndefined();
    expect(labModuleFile('../handler.ts', files)).toBeUndefined();
    expect(labModuleFile('warehouse.ts', files)).toBeUndefined();
    expect(labModuleFile('./toString', files)).toBeUndefined();
  });
});
