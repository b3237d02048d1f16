// Lambda functions as stored: the configuration the API returns and the policy statements; and, apart,
// each deployment package (base64 zip) by its SHA-256, journaled once however often the configuration
// changes, so that --state keeps functions whole without repeating their code.
import { ServiceError } from '../../service-error.ts';

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
  statements: Record<string, unknown>[];
  invokeConfig?: EventInvokeConfig;
  tags?: Record<string, string>;
}

export type LambdaJournalEntry =
  | { kind: 'put-code'; sha: string; zipBase64: string }
  | { kind: 'put-function'; fn: FunctionRecord }
  | { kind: 'delete-function'; region: string; name: string };

export class FunctionStore {
  private readonly functions = new Map<string, FunctionRecord>();
  private readonly packages = new Map<string, string>();
  /** Packages a request in flight is about to use: not dropped until it has stored its function. */
  private readonly pinned = new Map<string, number>();

  pin(sha: string): () => void {
    this.pinned.set(sha, (this.pinned.get(sha) ?? 0) + 1);
    return () => {
      const n = (this.pinned.get(sha) ?? 1) - 1;
      if (n <= 0) this.pinned.delete(sha);
      else this.pinned.set(sha, n);
    };
  }

  hasCode(sha: string): boolean {
    return this.packages.has(sha);
  }

  code(sha: string): Uint8Array {
    const zip = this.packages.get(sha);
    if (zip === undefined) throw new Error(`deployment package ${sha} is missing`);
    return Buffer.from(zip, 'base64');
  }

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
    if (entry.kind === 'put-code') {
      this.packages.set(entry.sha, entry.zipBase64);
      return;
    }
    if (entry.kind === 'put-function') this.functions.set(FunctionStore.key(entry.fn.region, entry.fn.config.FunctionName), entry.fn);
    else this.functions.delete(FunctionStore.key(entry.region, entry.name));
    // Packages no function uses any more are dropped (an update that brings one back journals it again).
    const used = new Set([...this.functions.values()].map((f) => f.config.CodeSha256));
    for (const sha of this.packages.keys()) if (!used.has(sha) && !this.pinned.has(sha)) this.packages.delete(sha);
  }
}

/** "my-fn", "arn:aws:lambda:r:a:function:my-fn[:qualifier]" or "a:function:my-fn" -> "my-fn". */
export function functionNameOf(nameOrArn: string): string {
  const m = /(?:^|:)function:([^:]+)/.exec(nameOrArn);
  return m ? (m[1] as string) : nameOrArn;
}
