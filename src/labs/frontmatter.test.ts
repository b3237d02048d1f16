import { describe, expect, it } from 'vitest';
import { readFrontmatter } from './frontmatter.ts';

describe('readFrontmatter', () => {
  const lf = '---\ntitle: "A: quoted title"\nlabs:\n  - 01-first-rule\n  - 02-content-filtering\norder: 2\n---\n\n## Body\n';

  it('reads scalars, quoted strings and lists, and returns the body', () => {
    const fm = readFrontmatter(lf);
    expect(fm.data).toEqual({ title: 'A: quoted title', labs: ['01-first-rule', '02-content-filtering'], order: 2 });
    expect(fm.body).toBe('\n## Body\n');
  });

  it('reads CRLF files and a byte-order mark the same way', () => {
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    expect(readFrontmatter(crlf).data).toEqual(readFrontmatter(lf).data);
    expect(readFrontmatter(crlf).raw).toBe(readFrontmatter(lf).raw);
  });

  it('accepts an empty block and names the file when there is none or the YAML is broken', () => {
    expect(readFrontmatter('---\n---\nbody').data).toEqual({});
    expect(() => readFrontmatter('# no frontmatter', 'x.md')).toThrow(/^x\.md: no frontmatter block/);
    expect(() => readFrontmatter('---\ntitle: [unclosed\n---\n', 'y.md')).toThrow(/^y\.md: the frontmatter is not valid YAML/);
    expect(() => readFrontmatter('---\n- a list\n---\n', 'z.md')).toThrow(/must be a YAML mapping/);
  });
});
