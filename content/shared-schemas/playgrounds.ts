import type { PlaygroundExample } from '../../src/components/mdx/playground-verdict.ts';

const v2Event = `{
  "version": "0",
  "id": "0b9e7d1c-5a3f-4f8e-8c61-2d4e6f8a9b10",
  "detail-type": "OrderPlaced",
  "source": "food.orders",
  "account": "123456789012",
  "time": "2026-05-02T18:04:00Z",
  "region": "eu-west-1",
  "resources": [],
  "detail": {
    "schemaVersion": 2,
    "orderId": "o-912",
    "address": { "street": "1 Rue de la République", "city": "Lyon", "postcode": "69002" }
  }
}`;

export const playgrounds = {
  versionedConsumer: {
    pattern: `{
  "source": ["food.orders"],
  "detail-type": ["OrderPlaced"],
  "detail": { "schemaVersion": [1, 2] }
}`,
    event: v2Event,
    expect: 'match',
  },
  oldConsumer: {
    pattern: `{
  "source": ["food.orders"],
  "detail-type": ["OrderPlaced"],
  "detail": { "schemaVersion": [1] }
}`,
    event: v2Event,
    expect: 'no-match',
  },
} satisfies Record<string, PlaygroundExample>;
