import { describe, expect, it } from 'vitest';
import { evaluateJsonPath, parseJsonPath } from './json-path.ts';

const doc = { detail: { 'item-list': [{ id: 'a' }, { id: 'b' }], 'a/b': 1, n: null }, resources: ['r0'] };
const get = (path: string) => {
  const parsed = parseJsonPath(path);
  if (typeof parsed === 'string') throw new Error(parsed);
  return evaluateJsonPath(parsed, doc);
};

describe('JSON paths', () => {
  it('follow dots, dashes, slashes and indices', () => {
    expect(get('$')).toEqual({ found: true, value: doc });
    expect(get('$.detail.item-list[1].id')).toEqual({ found: true, value: 'b' });
    expect(get('$.detail.a/b')).toEqual({ found: true, value: 1 });
    expect(get('$.resources[0]')).toEqual({ found: true, value: 'r0' });
  });
  it('tell a null value from a missing one', () => {
    expect(get('$.detail.n')).toEqual({ found: true, value: null });
    expect(get('$.detail.missing')).toEqual({ found: false, value: undefined });
    expect(get('$.resources[5]')).toEqual({ found: false, value: undefined });
  });
  it('collect wildcard matches', () => {
    expect(get('$.detail.item-list[*].id')).toEqual({ found: true, value: ['a', 'b'] });
    expect(get('$.detail.item-list.*.id')).toEqual({ found: true, value: ['a', 'b'] });
    expect(get('$.nothing[*]')).toEqual({ found: false, value: [] });
  });
  it('explain bad paths', () => {
    expect(parseJsonPath('')).toMatch(/non-empty/);
    expect(parseJsonPath('detail')).toMatch(/must start with "\$"/);
    expect(parseJsonPath('$.a..b')).toMatch(/empty or invalid name/);
    expect(parseJsonPath("$['a']")).toMatch(/bracket notation/);
    expect(parseJsonPath('$a')).toMatch(/unexpected text/);
    expect(parseJsonPath('$.' + 'x'.repeat(300))).toMatch(/256/);
  });
});
