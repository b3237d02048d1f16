import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardSvg, wrap } from './board-svg.ts';
import { exampleBoard } from './example-board.ts';
import { zipFiles } from './zip.ts';

describe('zip writer', () => {
  it('writes an archive that another reader (Python zipfile) reads back file for file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storming-zip-'));
    try {
      const files = { 'a.txt': 'hello', 'events/Order placed/index.mdx': '---\nid: "é"\n---\n' };
      writeFileSync(join(dir, 'x.zip'), zipFiles(files));
      execFileSync('python3', ['-c', 'import zipfile; zipfile.ZipFile("x.zip").extractall("out")'], { cwd: dir, timeout: 10_000 });
      for (const [p, text] of Object.entries(files)) expect(readFileSync(join(dir, 'out', p), 'utf8')).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('board picture', () => {
  it('draws every note with its kind and text, and every context, escaping text', () => {
    const b = exampleBoard();
    const svg = boardSvg({ ...b, title: 'A <b> & c' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<title>A &lt;b&gt; &amp; c</title>');
    expect(svg.match(/<g><title>/g)).toHaveLength(b.stickies.length);
    expect(svg).toContain('<title>Domain event: Order placed</title>');
    for (const c of b.contexts) expect(svg).toContain(`>${c.name}</text>`);
  });

  it('wraps long text into at most four lines', () => {
    expect(wrap('Whenever delivered: capture payment')).toEqual(['Whenever', 'delivered:', 'capture payment']);
    expect(wrap('a b c d e f g h i j k l m n o p q r s t u v w x y z', 3)).toHaveLength(4);
  });
});
