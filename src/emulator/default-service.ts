// The real service behind the emulator: the engine's EventBridgeService, one per region.
import { EventBridgeService } from '../eventbridge/bus/index.ts';
import type { ServiceLike } from './service-types.ts';

export function defaultServiceFactory(region: string): ServiceLike {
  return new EventBridgeService({ region });
}
