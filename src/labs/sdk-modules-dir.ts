// Where the real @aws-sdk/client-eventbridge and its dependencies are installed: the runners on Node
// let a lab function's files resolve the SDK from there (the repository's, or a WebContainer project's,
// node_modules).
import { createRequire } from 'node:module';

import { EVENTBRIDGE_SDK } from './lab-sdk-clients.ts';

export const SDK_PACKAGE = EVENTBRIDGE_SDK.package;

const require = createRequire(import.meta.url);

/** An SDK package's CommonJS entry file (EventBridge's unless named). */
export function sdkEntry(pkg: string = SDK_PACKAGE): string {
  return require.resolve(pkg);
}

/** The node_modules folder (with a trailing slash) that holds the SDK. */
export function sdkModulesDir(): string {
  const entry = sdkEntry();
  return entry.slice(0, entry.lastIndexOf('/node_modules/') + '/node_modules/'.length);
}
