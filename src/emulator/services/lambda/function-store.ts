// Lambda functions as stored: the configuration the API returns, the policy statements and the code
// (base64 zip) so that --state keeps functions whole.
import { ServiceError } from '../shared/service-error.ts';

export interface FunctionConfiguration {
  FunctionName: string;
  FunctionArn: string;
  Runtime: string;
  Role: string;
  Handler: string;
  CodeSize: number;
  Description: string;
  Timeout: number;
  MemorySize: number;
  LastModified: string;
  CodeSha256: string;
  Version: string;
  Environment?: { Variables: Record<string, string> };
  DeadLetterConfig?: { TargetArn: string };
  RevisionId: string;
  State: 'Active';
  LastUpdateStatus: 'Successful';
  PackageType: 'Zip';
  Architectures: string[];
  EphemeralStorage: { Size: number };
  LoggingConfig: { LogFormat: 'Text'; LogGroup: string };
}

export interface EventInvokeConfig {
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig?: { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } };
}

export interface FunctionRecord {
  region: string;
  config: FunctionConfiguration;
  zipBase64: string;
  statements: Record<string, unknown>[];
  invokeConfig?: EventInvokeConfig;
  tags?: Record<string, string>;
}

export type LambdaJournalEntry =
  | { kind: 'put-function'; fn: FunctionRecord }
  | { kind: 'delete-function'; region: string; name: string };

export class FunctionStore {
  private readonly functions = new Map<string, FunctionRecord>();

  static key(region: string, name: string): string {
    return `${region}/${name}`;
  }

  find(region: string, name: string): FunctionRecord | undefined {
    return this.functions.get(FunctionStore.key(region, name));
  }

  get(region: string, name: string, account: string): FunctionRecord {
    const fn = this.find(region, name);
    if (fn === undefined) {
      throw new ServiceError('ResourceNotFoundException', `Function not found: arn:aws:lambda:${region}:${account}:function:${name}`, 404);
    }
    return fn;
  }

  list(region: string): FunctionRecord[] {
    return [...this.functions.values()].filter((f) => f.region === region).sort((a, b) => a.config.FunctionName.localeCompare(b.config.FunctionName));
  }

  apply(entry: LambdaJournalEntry): void {
    if (entry.kind === 'put-function') this.functions.set(FunctionStore.key(entry.fn.region, entry.fn.config.FunctionName), entry.fn);
    else this.functions.delete(FunctionStore.key(entry.region, entry.name));
  }
}

/** "my-fn", "arn:aws:lambda:r:a:function:my-fn[:qualifier]" or "a:function:my-fn" -> "my-fn". */
export function functionNameOf(nameOrArn: string): string {
  const m = /(?:^|:)function:([^:]+)/.exec(nameOrArn);
  return m ? (m[1] as string) : nameOrArn;
}
