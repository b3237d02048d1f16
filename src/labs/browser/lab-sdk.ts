// The real @aws-sdk/client-eventbridge for a lab function in the page's worker: a chunk of its own,
// loaded only when a handler imports the SDK. EventBridgeClient gets what Lambda's environment would
// give it (region, placeholder credentials) and a request handler that carries its signed requests to
// the lab bus of the running invocation: the same wire code the emulator serves.
import * as sdk from '@aws-sdk/client-eventbridge';
import { withLabClient } from '../lab-client-config.ts';
import { EVENTBRIDGE_SDK } from '../lab-sdk-clients.ts';
import type { Wire } from '../lab-wire.ts';

export function labSdkModule(env: () => Record<string, string | undefined>, wire: Wire): Record<string, unknown> {
  return withLabClient(sdk, EVENTBRIDGE_SDK.client, env, wire);
}
