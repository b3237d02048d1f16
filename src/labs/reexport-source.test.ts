import { describe, expect, it } from 'vitest';
import { reexportLines } from './reexport-source.ts';

describe('reexportLines', () => {
  it('re-exports every identifier key of the object, except the ones given', () => {
    expect(reexportLines(['EventBridgeClient', 'PutEventsCommand', '$Command', 'not-a-name', 'default x'], 'real', ['EventBridgeClient'])).toEqual([
      'export const PutEventsCommand = real.PutEventsCommand;',
      'export const $Command = real.$Command;',
    ]);
  });
});
