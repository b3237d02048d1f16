// Messages between the Lambda endpoint and a function's process.

export interface WorkerSetup {
  codeDir: string;
  handler: string;
}

export interface InvokeMessage {
  type: 'invoke';
  requestId: string;
  event: string;
  deadline: number;
  functionName: string;
  functionArn: string;
  memoryMb: number;
  logGroupName: string;
  logStreamName: string;
}

export interface FunctionErrorPayload {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export type WorkerMessage =
  | { type: 'log'; line: string }
  | { type: 'result'; requestId: string; ok: true; payload: string; heapMb: number }
  | { type: 'result'; requestId: string; ok: false; error: FunctionErrorPayload; heapMb: number };
