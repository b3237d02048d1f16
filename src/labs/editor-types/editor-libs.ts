// The declaration files the lab editor's TypeScript worker gets besides the lab's own files: what a
// Lambda handler (or a lab script) can import and what its scope has. Placed under file:///node_modules/ so that the
// worker resolves the imports as Node would; no DOM and no Node types, as neither is what a handler
// should lean on. editor-libs.test.ts compiles lab handlers against exactly this list.
import lambdaHandler from '../../../node_modules/@types/aws-lambda/handler.d.ts?raw';
import lambdaEventBridge from '../../../node_modules/@types/aws-lambda/trigger/eventbridge.d.ts?raw';
import clientEventBridge from './client-eventbridge.d.ts?raw';
import clientLogs from './client-cloudwatch-logs.d.ts?raw';

export interface EditorLib {
  filePath: string;
  content: string;
}

// handler.d.ts types its response-streaming helpers with Node's Writable; the editor has no Node
// types, so a bare class stands in (streaming is not something the labs use).
const NODE_STREAM_IMPORT = 'import type { Writable } from "node:stream";';

/** @types/aws-lambda's own handler and EventBridge files, behind an index that exports those two (the package's index exports every trigger). */
export function awsLambdaLibs(handler: string, eventBridge: string): EditorLib[] {
  if (!handler.includes(NODE_STREAM_IMPORT)) throw new Error(`@types/aws-lambda/handler.d.ts no longer starts with ${NODE_STREAM_IMPORT}: update editor-libs.ts`);
  const root = 'file:///node_modules/@types/aws-lambda';
  return [
    { filePath: `${root}/index.d.ts`, content: 'export * from "./handler";\nexport * from "./trigger/eventbridge";\n' },
    { filePath: `${root}/handler.d.ts`, content: handler.replace(NODE_STREAM_IMPORT, 'declare class Writable {}') },
    { filePath: `${root}/trigger/eventbridge.d.ts`, content: eventBridge },
  ];
}

/** What a handler's scope has in Lambda's Node.js runtime, as far as the labs go: console, timers, and process.env (the function's environment variables). */
export const LAB_GLOBALS = [
  'declare const console: { log(...data: unknown[]): void; info(...data: unknown[]): void; warn(...data: unknown[]): void; error(...data: unknown[]): void; debug(...data: unknown[]): void };',
  'declare function setTimeout(handler: (...args: unknown[]) => void, timeout?: number): number;',
  'declare function clearTimeout(id: number | undefined): void;',
  'declare const process: { readonly env: Record<string, string | undefined> };',
].join('\n');

export const labEditorLibs: EditorLib[] = [
  ...awsLambdaLibs(lambdaHandler, lambdaEventBridge),
  { filePath: 'file:///node_modules/@aws-sdk/client-eventbridge/index.d.ts', content: clientEventBridge },
  { filePath: 'file:///node_modules/@aws-sdk/client-cloudwatch-logs/index.d.ts', content: clientLogs },
  { filePath: 'file:///lab-globals.d.ts', content: LAB_GLOBALS },
];
