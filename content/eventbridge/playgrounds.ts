import type { PlaygroundExample } from '../../src/components/mdx/playground-verdict.ts';

// Every PatternPlayground in module 4 takes its example from here, so a content check can run each one through
// the engine and confirm the verdict the lesson text claims.

const orderPlaced = `{
  "version": "0",
  "id": "6f1c2a9e-0b1d-4c8e-9a4f-0e5d2b7c1a11",
  "detail-type": "OrderPlaced",
  "source": "food.orders",
  "account": "123456789012",
  "time": "2026-03-14T12:30:00Z",
  "region": "eu-west-1",
  "resources": [],
  "detail": {
    "orderId": "o-77",
    "restaurantId": "r-12",
    "total": 31.5,
    "currency": "EUR",
    "customer": { "tier": "gold", "city": "Lyon" }
  }
}`;

export const playgrounds = {
  exactMatch: {
    pattern: `{
  "source": ["food.orders"],
  "detail-type": ["OrderPlaced"]
}`,
    event: orderPlaced,
    expect: 'match',
  },
  wrongSource: {
    pattern: `{
  "source": ["food.payments"],
  "detail-type": ["OrderPlaced"]
}`,
    event: orderPlaced,
    expect: 'no-match',
  },
  nestedDetail: {
    pattern: `{
  "detail-type": ["OrderPlaced"],
  "detail": {
    "customer": { "tier": ["gold", "platinum"] }
  }
}`,
    event: orderPlaced,
    expect: 'match',
  },
  numericRange: {
    pattern: `{
  "detail": {
    "total": [{ "numeric": [">=", 50] }]
  }
}`,
    event: orderPlaced,
    expect: 'no-match',
  },
  prefixAndAnythingBut: {
    pattern: `{
  "source": [{ "prefix": "food." }],
  "detail": {
    "currency": [{ "anything-but": ["USD", "GBP"] }]
  }
}`,
    event: orderPlaced,
    expect: 'match',
  },
  existsFalse: {
    pattern: `{
  "detail": {
    "couponCode": [{ "exists": false }]
  }
}`,
    event: orderPlaced,
    expect: 'match',
  },
  orInsideDetail: {
    pattern: `{
  "source": ["food.orders"],
  "detail-type": ["OrderPlaced"],
  "detail": {
    "$or": [
      { "total": [{ "numeric": [">=", 50] }] },
      { "customer": { "tier": ["gold"] } }
    ]
  }
}`,
    event: orderPlaced,
    expect: 'match',
  },
  orNoBranch: {
    pattern: `{
  "source": ["food.orders"],
  "$or": [
    { "detail": { "currency": ["USD"] } },
    { "detail": { "customer": { "city": ["Paris"] } } }
  ]
}`,
    event: orderPlaced,
    expect: 'no-match',
  },
  invalidPattern: {
    pattern: `{
  "source": "food.orders"
}`,
    event: orderPlaced,
    expect: 'invalid',
  },
} satisfies Record<string, PlaygroundExample>;
