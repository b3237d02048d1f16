// Every service the emulator serves on its one port, as endpoint factories. A new service is one entry
// here (and its own folder under services/); createEmulator also takes extra factories.
import type { CoreOptions } from './core-services.ts';
import type { CoreRegions } from './core-services.ts';
import { coreEndpoints } from './core-endpoints.ts';
import type { EndpointFactory } from './service-endpoint.ts';

/** Lambda, SQS, IAM, STS and CloudFormation factories join this list. */
export const SERVICE_ENDPOINTS: readonly EndpointFactory[] = [];

export function allEndpoints(opts: CoreOptions = {}, onRegions?: (r: CoreRegions) => void): EndpointFactory[] {
  return [...coreEndpoints(opts, onRegions), ...SERVICE_ENDPOINTS];
}
