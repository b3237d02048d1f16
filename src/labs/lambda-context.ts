// What Lambda hands a function, as the course's runners give it: the second argument of the handler
// (aws-lambda's Context: request id, names, ARN, memory, log group and stream, remaining time) and the
// environment a deployed function reads (the bus name and the region from `process.env`). One
// definition, used by the in-page worker, the command line's child processes and the WebContainer.

/** The context as plain data, so it can cross to a worker or a child process; `lambdaContext` adds the method. */
export interface LambdaContextData {
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
  /** Epoch milliseconds at which the invocation times out. */
  deadline: number;
}

/** The Lambda context object a handler receives (aws-lambda's `Context`, less the deprecated callbacks). */
export interface LambdaContext extends Omit<LambdaContextData, 'deadline'> {
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

export const LAB_REGION = 'us-east-1';
export const LAB_ACCOUNT = '123456789012';
/** The bus a lab's functions put events on, as `process.env.EVENT_BUS_NAME`: the scenario's default bus. */
export const LAB_BUS_NAME = 'default';
export const LAB_MEMORY_MB = 128;

export function contextData(functionName: string, requestId: string, timeoutMs: number, now: number): LambdaContextData {
  const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '/');
  return {
    awsRequestId: requestId,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LAB_REGION}:${LAB_ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: String(LAB_MEMORY_MB),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${day}/[$LATEST]${requestId.replace(/-/g, '')}`,
    deadline: now + timeoutMs,
  };
}

export function lambdaContext(data: LambdaContextData, now: () => number = Date.now): LambdaContext {
  const { deadline, ...fields } = data;
  return { ...fields, callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => Math.max(0, deadline - now()) };
}

/**
 * The environment variables Lambda sets that a lab's handler may read, plus the lab's own. Credentials are
 * local placeholders (the lab's SDK client signs its requests with them; nothing leaves the runner).
 */
export function functionEnvironment(functionName: string, timeoutMs: number): Record<string, string> {
  return {
    AWS_REGION: LAB_REGION,
    AWS_DEFAULT_REGION: LAB_REGION,
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(LAB_MEMORY_MB),
    AWS_LAMBDA_FUNCTION_TIMEOUT: String(Math.ceil(timeoutMs / 1000)),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${functionName}`,
    AWS_ACCESS_KEY_ID: 'ASIALABLOCALONLY0000',
    AWS_SECRET_ACCESS_KEY: 'lab-local-only',
    AWS_SESSION_TOKEN: 'lab-local-only',
    EVENT_BUS_NAME: LAB_BUS_NAME,
  };
}
