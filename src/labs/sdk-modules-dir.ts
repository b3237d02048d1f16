// Where the real @aws-sdk/client-eventbridge and its dependencies are installed: the runners on Node
// let a lab function's files resolve the SDK from there (the repository's, or a WebContainer project's,
// node_modules).
import { createRequire } from 'node:module';

export const SDK_PACKAGE = '@aws-sdk/client-eventbridge';

const require = createRequire(import.meta.url);

/** The SDK's CommonJS entry file. */
export function sdkEntry(): string {
  return require.resolve(SDK_PACKAGE);
}

/** The node_modules folder (with a trailing slash) that holds the SDK. */
export function sdkModulesDir(): string {
  const entry = sdkEntry();
  return entry.slice(0, entry.lastIndexOf('/node_modules/') + '/node_modules/'.length);
}
