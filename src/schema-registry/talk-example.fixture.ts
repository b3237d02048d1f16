// The example schema from the talk: an "Event" object as an OpenAPI 3 document, used by the tests.
export const talkEventSchema = {
  openapi: '3.0.0',
  info: { version: '1.0.0', title: 'Event' },
  paths: {},
  components: {
    schemas: {
      Event: {
        type: 'object',
        required: ['ordinal', 'name', 'price', 'created_at'],
        properties: {
          ordinal: { type: 'integer', format: 'int64' },
          name: { type: 'string' },
          price: { type: 'number', format: 'double' },
          address: { type: 'string' },
          comments: { type: 'array', items: { type: 'string' } },
          created_at: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
};

export function talkEvent(detail: Record<string, unknown>): Record<string, unknown> {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'Event',
    source: 'com.example.talk',
    account: '123456789012',
    time: '2024-05-01T10:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail,
  };
}

export const validTalkDetail = {
  ordinal: 42,
  name: 'Widget',
  price: 9.99,
  address: '1 Main Street',
  comments: ['fast delivery', 'gift'],
  created_at: '2024-05-01T09:59:00Z',
};
