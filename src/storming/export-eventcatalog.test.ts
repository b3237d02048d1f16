import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exampleBoard } from './example-board.ts';
import { CATALOG_VERSION, exportEventCatalog, frontmatter, mdxText } from './export-eventcatalog.ts';

function front(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error('no frontmatter');
  return parse(m[1]!) as Record<string, unknown>;
}

describe('EventCatalog export', () => {
  const files = exportEventCatalog(exampleBoard());

  it('has the documented layout: domains/, services/, events/ with index.mdx, and schema.json beside each event', () => {
    const paths = Object.keys(files);
    expect(paths.filter((p) => p.startsWith('domains/')).sort()).toEqual(['Delivery', 'Kitchen', 'Ordering', 'Payments'].map((d) => `domains/${d}/index.mdx`));
    expect(paths.filter((p) => p.startsWith('services/')).sort()).toEqual(['delivery', 'kitchen', 'menu-catalogue', 'orders', 'payments'].map((s) => `services/${s}/index.mdx`));
    expect(paths.filter((p) => /^events\/[A-Za-z]+\/index\.mdx$/.test(p))).toHaveLength(13);
    expect(paths.filter((p) => /^events\/[A-Za-z]+\/schema\.json$/.test(p))).toHaveLength(13);
    expect(paths.every((p) => /^(domains|services|events)\//.test(p))).toBe(true);
  });

  it('writes EventCatalog frontmatter: domains list services, services send and receive events', () => {
    expect(front(files['domains/Ordering/index.mdx']!)).toEqual({
      id: 'Ordering', name: 'Ordering', version: CATALOG_VERSION, summary: expect.any(String),
      services: [{ id: 'orders', version: CATALOG_VERSION }, { id: 'menu-catalogue', version: CATALOG_VERSION }],
    });
    const payments = front(files['services/payments/index.mdx']!);
    expect(payments).toMatchObject({ id: 'payments', name: 'payments', version: CATALOG_VERSION });
    expect((payments.sends as { id: string }[]).map((s) => s.id)).toEqual(['PaymentAuthorised', 'RefundIssued', 'PaymentCaptured']);
    expect((payments.receives as { id: string }[]).map((s) => s.id).sort()).toEqual(['OrderDelivered', 'OrderPlaced', 'OrderRejected']);
    const placed = front(files['events/OrderPlaced/index.mdx']!);
    expect(placed).toMatchObject({ id: 'OrderPlaced', name: 'Order placed', version: CATALOG_VERSION, schemaPath: 'schema.json' });
    expect(JSON.parse(files['events/OrderPlaced/schema.json']!).components.schemas.AWSEvent['x-amazon-events-detail-type']).toBe('OrderPlaced');
  });

  it('every event a service sends or receives has its own event page', () => {
    for (const [path, text] of Object.entries(files)) {
      if (!path.startsWith('services/')) continue;
      const f = front(text) as { sends: { id: string }[]; receives: { id: string }[] };
      for (const m of [...f.sends, ...f.receives]) expect(files[`events/${m.id}/index.mdx`], `${path} -> ${m.id}`).toBeDefined();
    }
  });

  it('keeps hostile note text from becoming JSX or markup in the MDX body', () => {
    const b = exampleBoard();
    const evil = { ...b, stickies: b.stickies.map((s) => (s.id === 'svc-payments' ? { ...s, text: 'pay<script>{alert(1)}</script>' } : s)) };
    const page = exportEventCatalog(evil)['events/OrderPlaced/index.mdx']!;
    const body = page.slice(page.indexOf('\n---\n', 4) + 5);
    expect(body).not.toMatch(/<script|\{alert/);
    expect(mdxText('a<b>{c}')).toBe('a&#60;b&#62;&#123;c&#125;');
  });

  it('quotes any text safely in YAML', () => {
    const text = frontmatter({ name: 'a: "b" # c\n- d', list: [], nested: [{ id: 'x', version: '1' }] });
    expect(parse(text.slice(4, -5))).toEqual({ name: 'a: "b" # c\n- d', list: [], nested: [{ id: 'x', version: '1' }] });
  });
});
