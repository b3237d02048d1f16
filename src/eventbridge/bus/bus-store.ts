// The buses and their rules (with each bus's matcher and resource policy): the control-plane state the
// router reads. Lookups fail with EventBridge's own errors.
import { notFound, validationError } from './errors.ts';
import { busNameFrom, eventBusArn } from './arns.ts';
import type { AccountScope } from './arns.ts';
import { constraintMessage } from './name-validation.ts';
import type { PatternEngine, RuleMatcher } from './pattern-engine.ts';
import type { Schedule } from './schedule-expression.ts';
import type { RuleDescription, RuleRef, RuleState, Target } from './types.ts';

export interface RuleRecord {
  name: string;
  arn: string;
  busName: string;
  eventPattern?: string;
  scheduleExpression?: string;
  schedule?: Schedule;
  state: RuleState;
  description?: string;
  roleArn?: string;
  /** Set only on rules an AWS service created (the only ones DeleteRule's Force applies to). */
  managedBy?: string;
  targets: Target[];
  createdAt: number;
}

/** One statement PutPermission adds to a bus's resource policy. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: unknown;
  Action: string;
  Resource: string;
  Condition?: unknown;
}

export interface BusRecord {
  name: string;
  arn: string;
  description?: string;
  creationTime: number;
  lastModifiedTime: number;
  rules: Map<string, RuleRecord>;
  matcher: RuleMatcher;
  /** A whole policy set with PutPermission's Policy, or statements added one by one. */
  policy?: string;
  statements: PolicyStatement[];
}

export class BusStore {
  private readonly buses = new Map<string, BusRecord>();
  private readonly scope: AccountScope;
  private readonly patterns: PatternEngine;
  private readonly now: () => number;

  constructor(scope: AccountScope, patterns: PatternEngine, now: () => number) {
    this.scope = scope;
    this.patterns = patterns;
    this.now = now;
  }

  add(name: string, description?: string): BusRecord {
    const now = this.now();
    const bus: BusRecord = {
      name,
      arn: eventBusArn(this.scope, name),
      ...(description !== undefined ? { description } : {}),
      creationTime: now,
      lastModifiedTime: now,
      rules: new Map(),
      matcher: this.patterns.createMatcher(),
      statements: [],
    };
    this.buses.set(name, bus);
    return bus;
  }

  has(name: string): boolean {
    return this.buses.has(name);
  }

  /** The bus, or undefined (routing drops events for missing buses without an error). */
  find(name: string): BusRecord | undefined {
    return this.buses.get(name);
  }

  delete(name: string): void {
    this.buses.delete(name);
  }

  /** Buses sorted by name. */
  all(): BusRecord[] {
    return [...this.buses.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  get(nameOrArn: string | undefined): BusRecord {
    const name = busNameFrom(nameOrArn);
    const bus = this.buses.get(name);
    if (!bus) throw notFound(`Event bus ${name} does not exist.`);
    return bus;
  }

  rule(i: RuleRef): RuleRecord {
    const bus = this.get(i.EventBusName);
    if (typeof i.Name !== 'string') throw validationError(constraintMessage(i.Name, 'name', 'Member must not be null'));
    const rule = bus.rules.get(i.Name);
    if (!rule) throw notFound(`Rule ${i.Name} does not exist on EventBus ${bus.name}.`);
    return rule;
  }

  /** Whether an ARN names a bus or a rule held here (for the tagging calls). */
  holdsArn(arn: string): boolean {
    for (const bus of this.buses.values()) {
      if (bus.arn === arn) return true;
      for (const r of bus.rules.values()) if (r.arn === arn) return true;
    }
    return false;
  }
}

export function ruleShape(r: RuleRecord): RuleDescription {
  return {
    Name: r.name,
    Arn: r.arn,
    ...(r.eventPattern !== undefined ? { EventPattern: r.eventPattern } : {}),
    ...(r.scheduleExpression !== undefined ? { ScheduleExpression: r.scheduleExpression } : {}),
    State: r.state,
    ...(r.description !== undefined ? { Description: r.description } : {}),
    ...(r.roleArn !== undefined ? { RoleArn: r.roleArn } : {}),
    ...(r.managedBy !== undefined ? { ManagedBy: r.managedBy } : {}),
    EventBusName: r.busName,
  };
}

/** The bus's resource policy as DescribeEventBus returns it. */
export function policyText(bus: BusRecord): string | undefined {
  if (bus.policy !== undefined) return bus.policy;
  if (bus.statements.length === 0) return undefined;
  return JSON.stringify({ Version: '2012-10-17', Statement: bus.statements });
}
