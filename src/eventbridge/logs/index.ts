// Public API of the CloudWatch Logs model.
export { LogsService } from './logs-service.ts';
export type { LogsServiceOptions } from './logs-service.ts';
export { LogsError } from './logs-errors.ts';
export type * from './logs-types.ts';
