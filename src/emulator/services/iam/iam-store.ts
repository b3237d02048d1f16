// IAM roles with their inline and attached policies: stored and returned as AWS returns them, not enforced.
import { ServiceError } from '../../service-error.ts';

export interface RoleRecord {
  RoleName: string;
  RoleId: string;
  Arn: string;
  Path: string;
  CreateDate: string;
  AssumeRolePolicyDocument: string;
  Description?: string;
  MaxSessionDuration: number;
  Tags?: { Key: string; Value: string }[];
  inline: Record<string, string>;
  attached: string[];
}

export type IamJournalEntry =
  | { kind: 'put-role'; role: RoleRecord }
  | { kind: 'delete-role'; name: string };

export class IamStore {
  readonly roles = new Map<string, RoleRecord>();

  get(name: string): RoleRecord {
    const role = this.roles.get(name);
    if (role === undefined) throw new ServiceError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
    return role;
  }

  apply(entry: IamJournalEntry): void {
    if (entry.kind === 'put-role') this.roles.set(entry.role.RoleName, entry.role);
    else this.roles.delete(entry.name);
  }
}

/** A role as the API returns it: IAM answers policy documents URL-encoded. */
export function roleView(r: RoleRecord): Record<string, unknown> {
  return {
    Path: r.Path, RoleName: r.RoleName, RoleId: r.RoleId, Arn: r.Arn, CreateDate: r.CreateDate,
    AssumeRolePolicyDocument: encodeURIComponent(r.AssumeRolePolicyDocument),
    Description: r.Description, MaxSessionDuration: r.MaxSessionDuration, Tags: r.Tags,
  };
}
