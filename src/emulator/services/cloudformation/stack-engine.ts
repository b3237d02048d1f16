// Runs stack operations in the background: resources created in dependency order, updated in place or
// replaced, deleted in reverse order; on failure the failing resource and reason go into the events and
// the stack rolls back, as CloudFormation does.
import { randomUUID } from 'node:crypto';
import { ServiceError } from '../../service-error.ts';
import { condition, creationOrder, evaluate, type EvalScope, type ResolvedResource } from './intrinsics.ts';
import type { ProvisionClients } from './provision-clients.ts';
import { RESOURCE_TYPES, type ProvisionContext, type Provisioned } from './resource-types.ts';
import type { ResourceChange, StackOutput, StackRecord, StackResourceRecord } from './stack-model.ts';
import { parseTemplate, type Template } from './template-parse.ts';

export interface EngineDeps {
  accountId: string;
  now(): number;
  clients(region: string): ProvisionClients;
  /** Journals the stack as it is now; resolves once stored. */
  save(stack: StackRecord): Promise<void>;
  log(line: string): void;
}

export interface Prepared {
  template: Template;
  parameters: Record<string, string>;
  conditions: Record<string, boolean>;
  /** Resources whose Condition holds, in creation order. */
  order: string[];
}

const validation = (m: string): ServiceError => new ServiceError('ValidationError', m);

export function pseudoParameters(stack: Pick<StackRecord, 'id' | 'name' | 'region'>, accountId: string): Record<string, string> {
  return {
    'AWS::Region': stack.region, 'AWS::AccountId': accountId, 'AWS::StackName': stack.name, 'AWS::StackId': stack.id,
    'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com',
  };
}

/** Parses the template, binds parameters, evaluates conditions and orders resources; throws ValidationError. */
export function prepare(body: string, given: Record<string, string>, stack: Pick<StackRecord, 'id' | 'name' | 'region'>, accountId: string, capabilities: readonly string[]): Prepared {
  const template = parseTemplate(body);
  const declared = template.Parameters ?? {};
  const unknown = Object.keys(given).filter((k) => !Object.hasOwn(declared, k));
  if (unknown.length > 0) throw validation(`Parameters: [${unknown.join(', ')}] do not exist in the template`);
  const parameters: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, p] of Object.entries(declared)) {
    const v = given[name] ?? (p.Default === undefined ? undefined : String(p.Default));
    if (v === undefined) { missing.push(name); continue; }
    if (p.AllowedValues && !p.AllowedValues.map(String).includes(v)) {
      throw validation(`Parameter '${name}' must be one of AllowedValues`);
    }
    parameters[name] = v;
  }
  if (missing.length > 0) throw validation(`Parameters: [${missing.join(', ')}] must have values`);
  const scope: EvalScope = { template, parameters, pseudo: pseudoParameters(stack, accountId), conditions: {}, resources: {} };
  // Conditions may refer to each other: evaluate in passes until every one resolves (bounded by their number).
  const evaluated: Record<string, boolean> = {};
  let pending = Object.keys(template.Conditions ?? {});
  for (let pass = 0; pending.length > 0 && pass <= pending.length; pass += 1) {
    const still: string[] = [];
    let lastError: unknown;
    for (const name of pending) {
      try {
        evaluated[name] = evaluate(template.Conditions?.[name], { ...scope, conditions: evaluated }) === true;
      } catch (e) {
        lastError = e;
        still.push(name);
      }
    }
    if (still.length === pending.length) throw lastError;
    pending = still;
  }
  const active = Object.keys(template.Resources).filter((id) => {
    const c = template.Resources[id]?.Condition;
    return c === undefined || condition(c, { ...scope, conditions: evaluated });
  });
  const iam = active.filter((id) => RESOURCE_TYPES[template.Resources[id]?.Type ?? '']?.iam);
  if (iam.length > 0) {
    const named = iam.some((id) => template.Resources[id]?.Properties?.RoleName !== undefined);
    const need = named ? 'CAPABILITY_NAMED_IAM' : 'CAPABILITY_IAM';
    const ok = capabilities.includes('CAPABILITY_NAMED_IAM') || (!named && capabilities.includes('CAPABILITY_IAM'));
    if (!ok) throw new ServiceError('InsufficientCapabilitiesException', `Requires capabilities : [${need}]`);
  }
  return { template, parameters, conditions: evaluated, order: creationOrder(template, active) };
}

/** What executing `next` on the stack would change (for change sets and "No updates are to be performed."). */
export function plannedChanges(stack: StackRecord, next: Prepared): ResourceChange[] {
  const changes: ResourceChange[] = [];
  const old = new Map(stack.resources.map((r) => [r.logicalId, r]));
  const prev = stack.templateBody === '' ? undefined : parseTemplate(stack.templateBody);
  for (const id of next.order) {
    const type = next.template.Resources[id]?.Type ?? '';
    const o = old.get(id);
    if (o === undefined) changes.push({ Action: 'Add', LogicalResourceId: id, ResourceType: type });
    else if (o.type !== type || JSON.stringify(prev?.Resources[id]) !== JSON.stringify(next.template.Resources[id]) || JSON.stringify(stack.parameters) !== JSON.stringify(next.parameters)) {
      changes.push({ Action: 'Modify', LogicalResourceId: id, ...(o.physicalId ? { PhysicalResourceId: o.physicalId } : {}), ResourceType: type, Replacement: o.type !== type ? 'True' : 'False' });
    }
  }
  for (const r of stack.resources) {
    if (!next.order.includes(r.logicalId)) changes.push({ Action: 'Remove', LogicalResourceId: r.logicalId, ...(r.physicalId ? { PhysicalResourceId: r.physicalId } : {}), ResourceType: r.type });
  }
  return changes;
}

export class StackEngine {
  private readonly deps: EngineDeps;
  private readonly running = new Set<Promise<void>>();

  constructor(deps: EngineDeps) {
    this.deps = deps;
  }

  /** Resolves when no stack operation is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  start(work: () => Promise<void>): void {
    const p = work().catch((e: unknown) => this.deps.log(`cloudformation: ${(e as Error).message}`)).finally(() => this.running.delete(p));
    this.running.add(p);
  }

  private async status(stack: StackRecord, status: string, reason?: string): Promise<void> {
    stack.status = status;
    if (reason === undefined) delete stack.reason;
    else stack.reason = reason;
    this.event(stack, stack.name, stack.id, 'AWS::CloudFormation::Stack', status, reason);
    await this.deps.save(stack);
  }

  private event(stack: StackRecord, logicalId: string, physicalId: string, type: string, status: string, reason?: string): void {
    stack.events.push({
      EventId: randomUUID(), StackId: stack.id, StackName: stack.name, LogicalResourceId: logicalId, PhysicalResourceId: physicalId,
      ResourceType: type, Timestamp: this.deps.now(), ResourceStatus: status, ...(reason !== undefined ? { ResourceStatusReason: reason } : {}),
    });
  }

  private async resourceStatus(stack: StackRecord, r: StackResourceRecord, status: string, reason?: string): Promise<void> {
    r.status = status;
    r.timestamp = this.deps.now();
    if (reason === undefined) delete r.reason;
    else r.reason = reason;
    this.event(stack, r.logicalId, r.physicalId ?? '', r.type, status, reason);
    await this.deps.save(stack);
  }

  private scope(stack: StackRecord, p: Prepared): EvalScope {
    const resources: Record<string, ResolvedResource> = {};
    for (const r of stack.resources) if (r.ref !== undefined) resources[r.logicalId] = { ref: r.ref, attributes: r.attributes };
    return { template: p.template, parameters: p.parameters, pseudo: pseudoParameters(stack, this.deps.accountId), conditions: p.conditions, resources };
  }

  private context(stack: StackRecord, logicalId: string): ProvisionContext {
    return { clients: this.deps.clients(stack.region), region: stack.region, accountId: this.deps.accountId, stackName: stack.name, logicalId };
  }

  private typeOf(type: string): (typeof RESOURCE_TYPES)[string] {
    const t = RESOURCE_TYPES[type];
    if (t === undefined) throw new Error(`Resource type ${type} is not supported by this emulator (supported: ${Object.keys(RESOURCE_TYPES).join(', ')})`);
    return t;
  }

  private outputs(stack: StackRecord, p: Prepared): StackOutput[] {
    const s = this.scope(stack, p);
    return Object.entries(p.template.Outputs ?? {})
      .filter(([, o]) => o.Condition === undefined || p.conditions[o.Condition] === true)
      .map(([key, o]) => {
        const v = evaluate(o.Value, s);
        return {
          OutputKey: key, OutputValue: Array.isArray(v) ? v.join(',') : String(v),
          ...(o.Description !== undefined ? { Description: String(o.Description) } : {}),
          ...(o.Export?.Name !== undefined ? { ExportName: String(evaluate(o.Export.Name, s)) } : {}),
        };
      });
  }

  /** Creates or updates every resource of `p`; throws after recording the failing resource. */
  private async apply(stack: StackRecord, p: Prepared, verb: 'CREATE' | 'UPDATE', replaced: StackResourceRecord[]): Promise<void> {
    for (const id of p.order) {
      const def = p.template.Resources[id];
      if (def === undefined) continue;
      const existing = stack.resources.find((r) => r.logicalId === id);
      let props: Record<string, unknown> = {};
      const record: StackResourceRecord = existing ?? { logicalId: id, type: def.Type, attributes: {}, props: {}, status: 'NOT_STARTED', timestamp: this.deps.now() };
      try {
        props = (evaluate(def.Properties ?? {}, this.scope(stack, p)) ?? {}) as Record<string, unknown>;
        if (existing && existing.type === def.Type && JSON.stringify(existing.props) === JSON.stringify(props) && existing.status.endsWith('_COMPLETE')) continue;
        const type = this.typeOf(def.Type);
        const ctx = this.context(stack, id);
        let out: Provisioned;
        if (existing === undefined) {
          stack.resources.push(record);
          await this.resourceStatus(stack, record, 'CREATE_IN_PROGRESS');
          out = await type.create(props, ctx);
        } else {
          await this.resourceStatus(stack, record, 'UPDATE_IN_PROGRESS');
          const old: Provisioned = { physicalId: existing.physicalId ?? '', ref: existing.ref ?? '', attributes: existing.attributes };
          if (existing.type === def.Type && type.update) out = await type.update(props, old, existing.props, ctx);
          else {
            out = await type.create(props, ctx);
            replaced.push({ ...existing });
          }
          if (out.physicalId !== old.physicalId && !replaced.some((r) => r.physicalId === old.physicalId)) replaced.push({ ...existing });
        }
        Object.assign(record, { type: def.Type, physicalId: out.physicalId, ref: out.ref, attributes: out.attributes, props });
        await this.resourceStatus(stack, record, existing === undefined ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE');
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        if (!stack.resources.includes(record)) stack.resources.push(record);
        await this.resourceStatus(stack, record, `${existing === undefined ? 'CREATE' : verb}_FAILED`, reason);
        throw new Error(id);
      }
    }
  }

  private async remove(stack: StackRecord, records: readonly StackResourceRecord[], keepInStack: boolean): Promise<boolean> {
    let ok = true;
    for (const r of [...records].reverse()) {
      const def = RESOURCE_TYPES[r.type];
      const target = keepInStack ? { ...r } : r;
      if (r.physicalId === undefined || def === undefined || r.status === 'CREATE_FAILED' && r.ref === undefined) {
        stack.resources = stack.resources.filter((x) => x !== r);
        continue;
      }
      await this.resourceStatus(stack, target, 'DELETE_IN_PROGRESS');
      try {
        await def.delete({ physicalId: r.physicalId, ref: r.ref ?? '', attributes: r.attributes }, r.props, this.context(stack, r.logicalId));
        await this.resourceStatus(stack, target, 'DELETE_COMPLETE');
        if (!keepInStack) stack.resources = stack.resources.filter((x) => x !== r);
      } catch (e) {
        ok = false;
        await this.resourceStatus(stack, target, 'DELETE_FAILED', (e as Error).message);
      }
    }
    return ok;
  }

  create(stack: StackRecord, p: Prepared): void {
    this.start(async () => {
      await this.status(stack, 'CREATE_IN_PROGRESS', 'User Initiated');
      try {
        await this.apply(stack, p, 'CREATE', []);
        stack.outputs = this.outputs(stack, p);
        await this.status(stack, 'CREATE_COMPLETE');
      } catch (e) {
        const reason = `The following resource(s) failed to create: [${(e as Error).message}]. `;
        if (stack.disableRollback) return this.status(stack, 'CREATE_FAILED', reason);
        await this.status(stack, 'ROLLBACK_IN_PROGRESS', `${reason}Rollback requested by user.`);
        const done = await this.remove(stack, stack.resources.filter((r) => r.status !== 'CREATE_FAILED'), false);
        stack.resources = stack.resources.filter((r) => r.status !== 'CREATE_FAILED');
        await this.status(stack, done ? 'ROLLBACK_COMPLETE' : 'ROLLBACK_FAILED');
      }
    });
  }

  update(stack: StackRecord, p: Prepared, body: string): void {
    const before = { templateBody: stack.templateBody, parameters: stack.parameters, capabilities: stack.capabilities };
    this.start(async () => {
      stack.updated = this.deps.now();
      await this.status(stack, 'UPDATE_IN_PROGRESS', 'User Initiated');
      const replaced: StackResourceRecord[] = [];
      try {
        await this.apply(stack, p, 'UPDATE', replaced);
        stack.templateBody = body;
        stack.parameters = p.parameters;
        stack.outputs = this.outputs(stack, p);
        await this.status(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
        const gone = stack.resources.filter((r) => !p.order.includes(r.logicalId));
        await this.remove(stack, gone, false);
        await this.remove(stack, replaced, true);
        await this.status(stack, 'UPDATE_COMPLETE');
      } catch (e) {
        await this.status(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', `The following resource(s) failed to update: [${(e as Error).message}]. `);
        try {
          const old = prepare(before.templateBody, before.parameters, stack, this.deps.accountId, ['CAPABILITY_NAMED_IAM']);
          await this.apply(stack, old, 'UPDATE', []);
          await this.remove(stack, stack.resources.filter((r) => !old.order.includes(r.logicalId)), false);
          stack.templateBody = before.templateBody;
          stack.parameters = before.parameters;
          await this.status(stack, 'UPDATE_ROLLBACK_COMPLETE');
        } catch (e2) {
          await this.status(stack, 'UPDATE_ROLLBACK_FAILED', (e2 as Error).message);
        }
      }
    });
  }

  delete(stack: StackRecord): void {
    this.start(async () => {
      await this.status(stack, 'DELETE_IN_PROGRESS', 'User Initiated');
      const ok = await this.remove(stack, stack.resources, false);
      if (ok) stack.deleted = this.deps.now();
      await this.status(stack, ok ? 'DELETE_COMPLETE' : 'DELETE_FAILED', ok ? undefined : 'The following resource(s) failed to delete.');
    });
  }
}
