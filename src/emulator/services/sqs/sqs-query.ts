// The legacy SQS Query protocol (older SDKs and the AWS CLI v1 still send it): flattened form members
// (`Attribute.1.Name`, `MessageAttribute.1.Value.StringValue`) mapped to the JSON operations' input, and
// their results written as SQS's flattened XML (<Attribute><Name/><Value/></Attribute>, repeated <QueueUrl>).
import { toXml } from '../service-kit/query-protocol.ts';

export const SQS_QUERY_NAMESPACE = 'http://queue.amazonaws.com/doc/2012-11-05/';
const NUMBERS = new Set(['MaxNumberOfMessages', 'VisibilityTimeout', 'WaitTimeSeconds', 'DelaySeconds', 'MaxResults']);

function indexed(form: URLSearchParams, prefix: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [k, v] of form) {
    const m = new RegExp(`^${prefix}\\.(\\d+)(?:\\.(.+))?$`).exec(k);
    if (m === null) continue;
    const item = out.get(m[1] as string) ?? new Map<string, string>();
    item.set(m[2] ?? '', v);
    out.set(m[1] as string, item);
  }
  return new Map([...out].sort((a, b) => Number(a[0]) - Number(b[0])));
}

const list = (form: URLSearchParams, prefix: string): string[] | undefined => {
  const items = [...indexed(form, prefix).values()].map((i) => i.get('') ?? '');
  return items.length > 0 ? items : undefined;
};

export function queryInput(form: URLSearchParams): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [k, v] of form) {
    if (k === 'Action' || k === 'Version' || k.includes('.')) continue;
    input[k] = NUMBERS.has(k) && /^\d+$/.test(v) ? Number(v) : v;
  }
  const attrs = indexed(form, 'Attribute');
  if (attrs.size > 0) input.Attributes = Object.fromEntries([...attrs.values()].map((a) => [a.get('Name') ?? '', a.get('Value') ?? '']));
  const tags = indexed(form, 'Tag');
  if (tags.size > 0) input.tags = Object.fromEntries([...tags.values()].map((t) => [t.get('Key') ?? '', t.get('Value') ?? '']));
  const messageAttrs = indexed(form, 'MessageAttribute');
  if (messageAttrs.size > 0) {
    input.MessageAttributes = Object.fromEntries([...messageAttrs.values()].map((a) => [a.get('Name') ?? '', {
      DataType: a.get('Value.DataType') ?? '',
      ...(a.has('Value.StringValue') ? { StringValue: a.get('Value.StringValue') } : {}),
      ...(a.has('Value.BinaryValue') ? { BinaryValue: a.get('Value.BinaryValue') } : {}),
    }]));
  }
  for (const [prefix, member] of [['AttributeName', 'AttributeNames'], ['MessageSystemAttributeName', 'MessageSystemAttributeNames'], ['MessageAttributeName', 'MessageAttributeNames']] as const) {
    const l = list(form, prefix);
    if (l) input[member] = l;
  }
  return input;
}

const pairs = (element: string, map: Record<string, string>): string =>
  Object.entries(map).map(([k, v]) => `<${element}>${toXml({ Name: k, Value: v })}</${element}>`).join('');

function messageXml(m: Record<string, unknown>): string {
  const { Attributes, MessageAttributes, ...rest } = m as { Attributes?: Record<string, string>; MessageAttributes?: Record<string, Record<string, string>> };
  const user = Object.entries(MessageAttributes ?? {}).map(([k, v]) => `<MessageAttribute>${toXml({ Name: k, Value: v })}</MessageAttribute>`).join('');
  return `<Message>${toXml(rest)}${pairs('Attribute', Attributes ?? {})}${user}</Message>`;
}

/** A JSON-protocol result written as the Query protocol's XML Result body. */
export function queryResultXml(result: Record<string, unknown>): string {
  let out = '';
  for (const [k, v] of Object.entries(result)) {
    if (k === 'Attributes') out += pairs('Attribute', v as Record<string, string>);
    else if (k === 'Messages') out += (v as Record<string, unknown>[]).map(messageXml).join('');
    else if (k === 'QueueUrls') out += (v as string[]).map((u) => `<QueueUrl>${toXml(u)}</QueueUrl>`).join('');
    else out += toXml({ [k]: v });
  }
  return out;
}
