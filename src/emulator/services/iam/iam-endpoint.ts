// IAM over the AWS Query protocol: roles and their policies, stored and returned faithfully, not enforced.
import { z } from 'zod';
import type { EndpointFactory, EmulatorContext } from '../../service-endpoint.ts';
import { claimsQuery, handleQuery, type QueryOperation } from '../service-kit/query-protocol.ts';
import { qInt, qList } from '../service-kit/query-values.ts';
import { decodeInput } from '../service-kit/decode.ts';
import { iamUniqueId, page } from '../service-kit/ids.ts';
import { ServiceError } from '../../service-error.ts';
import { IamStore, roleView, type IamJournalEntry, type RoleRecord } from './iam-store.ts';

/** Actions served (the fuzz test and the README list them). */
export const IAM_OPERATIONS = [
  'CreateRole', 'GetRole', 'DeleteRole', 'ListRoles', 'PutRolePolicy', 'GetRolePolicy', 'ListRolePolicies', 'DeleteRolePolicy',
  'AttachRolePolicy', 'ListAttachedRolePolicies', 'DetachRolePolicy',
] as const;

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
const CODES = { missing: 'ValidationError', invalid: 'ValidationError' };

const roleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
const policyName = z.string().regex(/^[\w+=,.@-]{1,128}$/, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
const document = z.string().min(1).max(131072);
const tag = z.object({ Key: z.string().min(1).max(128), Value: z.string().max(256) });

function op<S extends z.ZodType>(schema: S, run: (input: z.infer<S>) => unknown): QueryOperation {
  return { run: (input) => run(decodeInput(schema, input, CODES)) };
}

export function iamOperations(ctx: EmulatorContext, store: IamStore): Record<(typeof IAM_OPERATIONS)[number], QueryOperation> {
  const commit = async (entry: IamJournalEntry): Promise<void> => {
    await ctx.journal('iam', entry);
    store.apply(entry);
  };
  const putRole = (role: RoleRecord): Promise<void> => commit({ kind: 'put-role', role });
  return {
    CreateRole: op(z.object({
      RoleName: roleName, AssumeRolePolicyDocument: document, Path: z.string().regex(/^\/(.*\/)?$/).optional(),
      Description: z.string().max(1000).optional(), MaxSessionDuration: qInt.pipe(z.number().min(3600).max(43200)).optional(), Tags: qList(tag).optional(),
    }), async (i) => {
      if (store.roles.has(i.RoleName)) throw new ServiceError('EntityAlreadyExists', `Role with name ${i.RoleName} already exists.`, 409);
      try { JSON.parse(i.AssumeRolePolicyDocument); } catch { throw new ServiceError('MalformedPolicyDocument', 'This policy contains invalid Json'); }
      const path = i.Path ?? '/';
      const role: RoleRecord = {
        RoleName: i.RoleName, RoleId: iamUniqueId('AROA'), Arn: `arn:aws:iam::${ctx.accountId}:role${path}${i.RoleName}`, Path: path,
        CreateDate: new Date(ctx.now()).toISOString(), AssumeRolePolicyDocument: i.AssumeRolePolicyDocument,
        MaxSessionDuration: i.MaxSessionDuration ?? 3600, inline: {}, attached: [],
        ...(i.Description !== undefined ? { Description: i.Description } : {}), ...(i.Tags !== undefined ? { Tags: i.Tags } : {}),
      };
      await putRole(role);
      return { Role: roleView(role) };
    }),
    GetRole: op(z.object({ RoleName: roleName }), (i) => ({ Role: roleView(store.get(i.RoleName)) })),
    DeleteRole: op(z.object({ RoleName: roleName }), async (i) => {
      const role = store.get(i.RoleName);
      if (Object.keys(role.inline).length > 0 || role.attached.length > 0) {
        throw new ServiceError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
      }
      await commit({ kind: 'delete-role', name: i.RoleName });
      return undefined;
    }),
    ListRoles: op(z.object({ PathPrefix: z.string().optional(), Marker: z.string().optional(), MaxItems: qInt.pipe(z.number().min(1).max(1000)).optional() }), (i) => {
      const all = [...store.roles.values()].filter((r) => r.Path.startsWith(i.PathPrefix ?? '/')).sort((a, b) => a.RoleName.localeCompare(b.RoleName));
      const p = page(all, i.Marker, i.MaxItems ?? 100);
      return { Roles: p.items.map(roleView), IsTruncated: p.next !== undefined, Marker: p.next };
    }),
    PutRolePolicy: op(z.object({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document }), async (i) => {
      const role = store.get(i.RoleName);
      try { JSON.parse(i.PolicyDocument); } catch { throw new ServiceError('MalformedPolicyDocument', 'This policy contains invalid Json'); }
      await putRole({ ...role, inline: { ...role.inline, [i.PolicyName]: i.PolicyDocument } });
      return undefined;
    }),
    GetRolePolicy: op(z.object({ RoleName: roleName, PolicyName: policyName }), (i) => {
      const doc = store.get(i.RoleName).inline[i.PolicyName];
      if (doc === undefined) throw new ServiceError('NoSuchEntity', `The role policy with name ${i.PolicyName} cannot be found.`, 404);
      return { RoleName: i.RoleName, PolicyName: i.PolicyName, PolicyDocument: encodeURIComponent(doc) };
    }),
    ListRolePolicies: op(z.object({ RoleName: roleName }), (i) => ({ PolicyNames: Object.keys(store.get(i.RoleName).inline).sort(), IsTruncated: false })),
    DeleteRolePolicy: op(z.object({ RoleName: roleName, PolicyName: policyName }), async (i) => {
      const role = store.get(i.RoleName);
      if (!Object.hasOwn(role.inline, i.PolicyName)) throw new ServiceError('NoSuchEntity', `The role policy with name ${i.PolicyName} cannot be found.`, 404);
      const inline = { ...role.inline };
      delete inline[i.PolicyName];
      await putRole({ ...role, inline });
      return undefined;
    }),
    AttachRolePolicy: op(z.object({ RoleName: roleName, PolicyArn: z.string().min(20) }), async (i) => {
      const role = store.get(i.RoleName);
      if (!/^arn:aws[\w-]*:iam::(aws|\d{12}):policy\//.test(i.PolicyArn)) throw new ServiceError('InvalidInput', `ARN ${i.PolicyArn} is not valid.`);
      if (!role.attached.includes(i.PolicyArn)) await putRole({ ...role, attached: [...role.attached, i.PolicyArn] });
      return undefined;
    }),
    ListAttachedRolePolicies: op(z.object({ RoleName: roleName }), (i) => ({
      AttachedPolicies: store.get(i.RoleName).attached.map((arn) => ({ PolicyArn: arn, PolicyName: arn.split('/').pop() })), IsTruncated: false,
    })),
    DetachRolePolicy: op(z.object({ RoleName: roleName, PolicyArn: z.string().min(20) }), async (i) => {
      const role = store.get(i.RoleName);
      if (!role.attached.includes(i.PolicyArn)) throw new ServiceError('NoSuchEntity', `Policy ${i.PolicyArn} was not found.`, 404);
      await putRole({ ...role, attached: role.attached.filter((a) => a !== i.PolicyArn) });
      return undefined;
    }),
  };
}

export const createIamEndpoint: EndpointFactory = (ctx) => {
  const store = new IamStore();
  const operations = iamOperations(ctx, store);
  return {
    name: 'iam',
    claims: (req) => claimsQuery(req, 'iam', '2010-05-08'),
    handle: (req) => handleQuery(req, { name: 'iam', namespace: IAM_NAMESPACE, operations, log: (l) => ctx.log(l) }),
    replay: async (entry) => store.apply(entry as IamJournalEntry),
  };
};
