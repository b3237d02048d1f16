// The one error type every service endpoint throws: a code the SDKs map to an exception name, the HTTP
// status and, for Query services, whether the caller (Sender) or AWS (Receiver) is at fault.
export class ServiceError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fault: 'Sender' | 'Receiver';

  constructor(code: string, message: string, status = 400, fault: 'Sender' | 'Receiver' = 'Sender') {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.fault = fault;
  }
}

/** Whatever a handler threw, as a ServiceError: an unexpected failure is the service's own 500. */
export function asServiceError(e: unknown, internalCode: string): ServiceError {
  if (e instanceof ServiceError) return e;
  return new ServiceError(internalCode, `internal error: ${e instanceof Error ? e.message : String(e)}`, 500, 'Receiver');
}
