// What a lab function's EventBridgeClient is constructed with where no environment supplies it (the
// page's worker, tests): the region and placeholder credentials Lambda would put in the environment,
// and the request handler that carries the SDK's requests to the lab bus. The learner's own config
// wins, except for the request handler: there is no network to send to.
import type { Wire } from './lab-wire.ts';
import { wireRequestHandler } from './sdk-wire-handler.ts';

export function labClientConfig(env: Record<string, string | undefined>, wire: Wire, config: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    region: env['AWS_REGION'],
    credentials: { accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? '', secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? '', sessionToken: env['AWS_SESSION_TOKEN'] },
    ...config,
    requestHandler: wireRequestHandler(wire),
  };
}

/**
 * The SDK module a lab's code imports in a realm without a network (the page's worker): the real module's
 * exports, with its client class replaced by one that sends through `wire`. ES classes, so `instanceof` and
 * `extends` in the learner's code keep working.
 */
export function withLabClient(sdk: Record<string, unknown>, clientName: string, env: () => Record<string, string | undefined>, wire: Wire): Record<string, unknown> {
  const Real = sdk[clientName] as new (config: Record<string, unknown>) => object;
  const Lab = class extends Real {
    constructor(config: Record<string, unknown> = {}) {
      super(labClientConfig(env(), wire, config));
    }
  };
  Object.defineProperty(Lab, 'name', { value: clientName });
  return { ...sdk, [clientName]: Lab };
}
