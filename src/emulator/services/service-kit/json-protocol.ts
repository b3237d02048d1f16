// AWS JSON 1.0 / 1.1 answers: the result as JSON, errors as { __type, message } with the
// x-amzn-errortype header (and x-amzn-query-error for services that were Query services first, like SQS).
import type { EmulatorResponse } from '../../service-endpoint.ts';
import type { ServiceError } from './service-error.ts';

export function jsonResult(result: unknown, contentType: string): EmulatorResponse {
  return { status: 200, headers: { 'content-type': contentType }, body: JSON.stringify(result ?? {}) };
}

export function jsonError(err: ServiceError, contentType: string, typePrefix = '', queryCode?: string): EmulatorResponse {
  return {
    status: err.status,
    headers: {
      'content-type': contentType,
      'x-amzn-errortype': err.code,
      ...(queryCode !== undefined ? { 'x-amzn-query-error': `${queryCode};${err.fault}` } : {}),
    },
    body: JSON.stringify({ __type: `${typePrefix}${err.code}`, message: err.message }),
  };
}
