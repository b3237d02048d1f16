// Proves that client-cloudwatch-logs.d.ts, the editor's '@aws-sdk/client-cloudwatch-logs', invents nothing:
// compiled against the installed package, the client options are a narrower version of the package's, and each
// command's input and what `send` resolves to for it have only the package's members, with types that fit.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeAgreement, editOf } from './declaration-agreement.test-support.ts';
import { commandAgreementLines, exportedClasses, INVENTED_TYPE } from './test-type-check.ts';

const DIR = dirname(fileURLToPath(import.meta.url));
const OURS = readFileSync(join(DIR, 'client-cloudwatch-logs.d.ts'), 'utf8');
const broken = editOf(OURS);

function agreementFile(oursModule: string, text: string): string {
  const commands = exportedClasses(text).filter((c) => c !== 'CloudWatchLogsClient');
  return [
    "import type * as Real from '@aws-sdk/client-cloudwatch-logs';",
    `import type * as Ours from './${oursModule}';`,
    'type Extra<A, B> = Exclude<keyof A, keyof B>;',
    INVENTED_TYPE,
    // Options are ours to narrow: only the members we keep must be the package's.
    'const configNoExtraMember: never = null! as Extra<Ours.CloudWatchLogsClientConfig, Real.CloudWatchLogsClientConfig>;',
    'declare const ourConfig: Ours.CloudWatchLogsClientConfig;',
    'const configFits: Real.CloudWatchLogsClientConfig = ourConfig;',
    'declare const RealClient: typeof Real.CloudWatchLogsClient;',
    'const clientStandsIn: Pick<Ours.CloudWatchLogsClient, "destroy"> = new RealClient(ourConfig);',
    'declare const realClient: Real.CloudWatchLogsClient; declare const ourClient: Ours.CloudWatchLogsClient;',
    ...commandAgreementLines(commands),
    'export {};',
  ].join('\n');
}

const BROKEN: Record<string, { text: string; names: RegExp }> = {
  'invented-input-member': { text: broken('  filterPattern?: string | undefined;', '  filterPattern?: string | undefined;\n  follow?: boolean | undefined;'), names: /follow/ },
  'retyped-input-member': { text: broken('  startTime?: number | undefined;', '  startTime?: Date | undefined;'), names: /startTime/ },
  'renamed-output-member': { text: broken('  logGroupArn?: string | undefined;', '  groupArn?: string | undefined;'), names: /groupArn/ },
  'invented-option': { text: broken('  maxAttempts?: number;', '  maxAttempts?: number;\n  pollMs?: number;'), names: /pollMs/ },
};

describeAgreement({ packageName: '@aws-sdk/client-cloudwatch-logs', dir: DIR, ours: OURS, prefix: 'logs-', agreementFile, broken: BROKEN });
