// Building and reading the ARNs EventBridge uses for buses, rules, archives, replays and targets.

export interface AccountScope {
  region: string;
  account: string;
}

export const eventBusArn = (s: AccountScope, name: string): string =>
  `arn:aws:events:${s.region}:${s.account}:event-bus/${name}`;

/** Rules on the default bus have no bus segment in their ARN; rules on custom buses do. */
export const ruleArn = (s: AccountScope, busName: string, ruleName: string): string =>
  busName === 'default'
    ? `arn:aws:events:${s.region}:${s.account}:rule/${ruleName}`
    : `arn:aws:events:${s.region}:${s.account}:rule/${busName}/${ruleName}`;

export const archiveArn = (s: AccountScope, name: string): string =>
  `arn:aws:events:${s.region}:${s.account}:archive/${name}`;

export const replayArn = (s: AccountScope, name: string): string =>
  `arn:aws:events:${s.region}:${s.account}:replay/${name}`;

/** "orders" or "arn:aws:events:...:event-bus/orders" -> "orders"; undefined -> "default". */
export function busNameFrom(nameOrArn: string | undefined): string {
  if (nameOrArn === undefined || nameOrArn === '') return 'default';
  const m = /^arn:aws[\w-]*:events:[^:]*:[^:]*:event-bus\/(.+)$/.exec(nameOrArn);
  return m ? (m[1] as string) : nameOrArn;
}

export type TargetKind = 'lambda' | 'event-bus' | 'log-group' | 'sqs' | 'other';

export interface ParsedTargetArn {
  kind: TargetKind;
  /** Function, bus, log group or queue name. */
  name: string;
  region: string;
  account: string;
}

export function parseTargetArn(arn: string): ParsedTargetArn {
  const parts = arn.split(':');
  const service = parts[2] ?? '';
  const region = parts[3] ?? '';
  const account = parts[4] ?? '';
  const rest = parts.slice(5).join(':');
  if (service === 'lambda' && rest.startsWith('function:')) {
    return { kind: 'lambda', name: (rest.slice('function:'.length).split(':')[0]) ?? '', region, account };
  }
  if (service === 'events' && rest.startsWith('event-bus/')) {
    return { kind: 'event-bus', name: rest.slice('event-bus/'.length), region, account };
  }
  if (service === 'logs' && rest.startsWith('log-group:')) {
    // AWS accepts the log group ARN with or without the trailing ":*".
    return { kind: 'log-group', name: rest.slice('log-group:'.length).replace(/:\*$/, ''), region, account };
  }
  if (service === 'sqs' && rest !== '') return { kind: 'sqs', name: rest, region, account };
  return { kind: 'other', name: rest, region, account };
}

export const ARN_SHAPE = /^arn:aws([a-z-]*)?:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$/;
