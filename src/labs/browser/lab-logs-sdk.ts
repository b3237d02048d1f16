// The real @aws-sdk/client-cloudwatch-logs for a lab script in the page's worker: a chunk of its own,
// loaded only when a script imports it, like lab-sdk.ts for EventBridge. Its requests go to the script's
// local AWS (script-wire.ts), the emulator's own CloudWatch Logs endpoint.
import * as sdk from '@aws-sdk/client-cloudwatch-logs';
import { withLabClient } from '../lab-client-config.ts';
import { LOGS_SDK } from '../lab-sdk-clients.ts';
import type { Wire } from '../lab-wire.ts';

export function labSdkModule(env: () => Record<string, string | undefined>, wire: Wire): Record<string, unknown> {
  return withLabClient(sdk, LOGS_SDK.client, env, wire);
}
