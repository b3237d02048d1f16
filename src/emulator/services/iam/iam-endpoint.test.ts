import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachRolePolicyCommand, CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand,
  GetRoleCommand, GetRolePolicyCommand, paginateListRoles, PutRolePolicyCommand, waitUntilRoleExists,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startServices, type TestStack } from '../services.test-support.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startServices(); });
afterAll(async () => { await stack.close(); });

const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('IAM over the Query protocol with @aws-sdk/client-iam', () => {
  it('creates, reads, pages and deletes roles and their policies', async () => {
    const { iam } = stack.clients;
    const created = await iam.send(new CreateRoleCommand({ RoleName: 'fn-role', AssumeRolePolicyDocument: trust, Tags: [{ Key: 'course', Value: 'eb' }] }));
    expect(created.Role?.Arn).toBe('arn:aws:iam::000000000000:role/fn-role');
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(created.Role?.CreateDate).toBeInstanceOf(Date);
    await waitUntilRoleExists({ client: iam, maxWaitTime: 5 }, { RoleName: 'fn-role' });
    const got = await iam.send(new GetRoleCommand({ RoleName: 'fn-role' }));
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(trust);
    expect(got.Role?.Tags).toEqual([{ Key: 'course', Value: 'eb' }]);
    await expect(iam.send(new CreateRoleCommand({ RoleName: 'fn-role', AssumeRolePolicyDocument: trust }))).rejects.toMatchObject({ name: 'EntityAlreadyExistsException' });

    await iam.send(new PutRolePolicyCommand({ RoleName: 'fn-role', PolicyName: 'logs', PolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }));
    expect(decodeURIComponent((await iam.send(new GetRolePolicyCommand({ RoleName: 'fn-role', PolicyName: 'logs' }))).PolicyDocument ?? '')).toContain('2012-10-17');
    const managed = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'fn-role', PolicyArn: managed }));
    await expect(iam.send(new DeleteRoleCommand({ RoleName: 'fn-role' }))).rejects.toMatchObject({ name: 'DeleteConflictException' });
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'fn-role', PolicyArn: managed }));
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'fn-role', PolicyName: 'logs' }));

    for (const n of ['r1', 'r2', 'r3']) await iam.send(new CreateRoleCommand({ RoleName: n, AssumeRolePolicyDocument: trust, Path: '/app/' }));
    const names: string[] = [];
    for await (const p of paginateListRoles({ client: iam, pageSize: 2 }, { PathPrefix: '/app/' })) names.push(...(p.Roles ?? []).map((r) => r.RoleName ?? ''));
    expect(names).toEqual(['r1', 'r2', 'r3']);
    await iam.send(new DeleteRoleCommand({ RoleName: 'fn-role' }));
    await expect(iam.send(new GetRoleCommand({ RoleName: 'fn-role' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('answers a bad role name with ValidationError', async () => {
    await expect(stack.clients.iam.send(new CreateRoleCommand({ RoleName: 'bad name!', AssumeRolePolicyDocument: trust }))).rejects.toMatchObject({ name: 'ValidationError' });
  });
});

describe('STS GetCallerIdentity with @aws-sdk/client-sts', () => {
  it('answers the emulator account', async () => {
    const id = await stack.clients.sts.send(new GetCallerIdentityCommand({}));
    expect(id.Account).toBe('000000000000');
    expect(id.Arn).toMatch(/^arn:aws:iam::000000000000:/);
  });
});
