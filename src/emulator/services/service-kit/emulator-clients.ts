// What SDK clients created inside the emulator (CloudFormation's provisioning, functions' environments)
// sign with: dummy credentials, never the host's.
import { DUMMY_CREDENTIALS } from '../../test-clients.ts';

export const EMULATOR_CREDENTIALS = DUMMY_CREDENTIALS;

/** The environment a function's SDK reads: this emulator's endpoint and dummy credentials. */
export function sdkEnvironment(url: string, region: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: url, AWS_REGION: region, AWS_DEFAULT_REGION: region,
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: 'emulator-session',
  };
}
