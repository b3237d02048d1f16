// Every service the emulator serves on its one port, as endpoint factories: EventBridge and CloudWatch Logs
// (core-endpoints.ts), then Lambda, SQS, IAM, STS and CloudFormation (services/). A new service is one entry
// in services/index.ts (and its own folder); createEmulator also takes extra factories.
import type { CoreOptions, CoreRegions } from './core-services.ts';
import { coreEndpoints } from './core-endpoints.ts';
import type { EndpointFactory } from './service-endpoint.ts';
import { serviceEndpoints, type ServiceEndpointOptions } from './services/index.ts';

export function allEndpoints(opts: CoreOptions = {}, onRegions?: (r: CoreRegions) => void, services: ServiceEndpointOptions = {}): EndpointFactory[] {
  return [...coreEndpoints(opts, onRegions), ...serviceEndpoints(services)];
}
