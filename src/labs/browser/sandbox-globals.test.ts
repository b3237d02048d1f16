import { describe, expect, it } from 'vitest';
import { BLOCKED_GLOBALS, sandboxGlobals } from './sandbox-globals.ts';

describe('sandboxGlobals', () => {
  it('removes network, storage and messaging APIs from the scope and its prototypes', () => {
    const proto = { fetch: () => 'network', importScripts: () => undefined };
    const scope = Object.create(proto) as Record<string, unknown>;
    scope.indexedDB = {};
    scope.keep = 'me';
    const removed = sandboxGlobals(scope);
    expect(removed.sort()).toEqual(['fetch', 'importScripts', 'indexedDB']);
    expect(scope.fetch).toBeUndefined();
    expect('fetch' in proto).toBe(false);
    expect(scope.indexedDB).toBeUndefined();
    expect(scope.keep).toBe('me');
    expect(() => {
      'use strict';
      scope.fetch = () => 'again';
    }).toThrow();
    for (const name of BLOCKED_GLOBALS) expect(scope[name]).toBeUndefined();
  });
});
