import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listLabIds, loadLab } from '../load-lab.ts';
import { awsLambdaLibs, labEditorLibs } from './editor-libs.ts';
import { CONFIRM_ORDER_HANDLER } from './sample-handler.ts';
import { typeCheck, type Problem } from './test-type-check.ts';
import { EDITOR_TS_LIB } from '../../site/editor-ts-libs.ts';

// The compiler options monaco-editors.ts gives the editor's worker. Monaco bundles TypeScript 5.9,
// where moduleResolution node10 is not yet deprecated; the project's TypeScript 6 needs the waiver.
const EDITOR_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  strict: true,
  allowImportingTsExtensions: true,
  rewriteRelativeImportExtensions: true,
  sourceMap: true,
  lib: [EDITOR_TS_LIB],
  types: [],
  ignoreDeprecations: '6.0',
};

/** Type-checks lab files (by path) as the editor does, with the editor's libs; every problem, the libs' included. */
function checkInEditor(labFiles: Record<string, string>): Problem[] {
  const files: Record<string, string> = {};
  for (const lib of labEditorLibs) files[lib.filePath] = lib.content;
  const roots = labEditorLibs.map((l) => l.filePath);
  for (const [path, text] of Object.entries(labFiles)) {
    files[`file:///lab/${path}`] = text;
    if (path.endsWith('.ts')) roots.push(`file:///lab/${path}`);
  }
  return typeCheck(files, roots, EDITOR_OPTIONS);
}

const EVENTS = `export interface ConfirmInput { orderId: string; total: number; email: string }
export interface OrderConfirmedDetail { orderId: string; email: string; total: number }
`;

// Lab 04's shape: an EventBridge event in, a client with options, the handler typed as a whole.
const KITCHEN = `import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { Context, EventBridgeEvent, EventBridgeHandler, Handler } from 'aws-lambda';

const client = new EventBridgeClient({ region: process.env.AWS_REGION, maxAttempts: 2 });

export const handler = async (event: EventBridgeEvent<string, { orderId: string; items: string[] }>, context: Context): Promise<void> => {
  const entry: PutEventsRequestEntry = { Source: 'com.example.kitchen', DetailType: 'OrderCooked', Detail: JSON.stringify({ orderId: event.detail.orderId }), Time: new Date(event.time) };
  const out = await client.send(new PutEventsCommand({ Entries: [entry] }));
  console.log(context.functionName, event['detail-type'], out.Entries?.[0]?.EventId, out.$metadata.httpStatusCode);
  setTimeout(() => client.destroy(), 10);
};

export const typed: EventBridgeHandler<'OrderPlaced', { orderId: string }, void> = async (event, context) => {
  console.log(event.detail.orderId, context.awsRequestId);
};
export const plain: Handler<{ n: number }, number> = async (event) => event.n + 1;
`;

/** The handler with one edit, which must apply. */
function mistake(find: string, replace: string): string {
  expect(CONFIRM_ORDER_HANDLER).toContain(find);
  return CONFIRM_ORDER_HANDLER.replace(find, replace);
}

const messages = (problems: Problem[]) => problems.map((p) => `${p.file}: ${p.message}`);

describe("the lab editor's types", () => {
  it("type-check lab 03's real Lambda handler (SDK client, Context, process.env) without a problem, the libs included", () => {
    expect(messages(checkInEditor({ 'events.ts': EVENTS, 'handler.ts': CONFIRM_ORDER_HANDLER }))).toEqual([]);
  });

  it("type-check lab 04's shape: EventBridgeEvent, EventBridgeHandler, Handler, client options, the result's $metadata", () => {
    expect(messages(checkInEditor({ 'kitchen.ts': KITCHEN }))).toEqual([]);
  });

  it.each([
    ['Detail as an object', mistake('Detail: JSON.stringify(detail)', 'Detail: { orderId: 1 }'), /Type '\{ orderId: number; \}' is not assignable to type 'string'/],
    ['a misspelt request member', mistake('Entries: [{', 'Entrie: [{'), /'Entrie' does not exist in type 'PutEventsCommandInput'/],
    ['a misspelt Context member', mistake('context.awsRequestId', 'context.awsRequestID'), /Property 'awsRequestID' does not exist on type 'Context'/],
    ['an environment variable taken as always set', mistake('const detail', 'const bus: string = process.env.EVENT_BUS_NAME;\n  const detail'), /Type 'string \| undefined' is not assignable to type 'string'/],
    ['a result member taken as always there', mistake('if (result.FailedEntryCount)', 'if (result.FailedEntryCount.toFixed())'), /'result.FailedEntryCount' is possibly 'undefined'/],
    ['a command outside the subset', mistake('PutEventsCommand }', 'PutEventsCommand, ListRulesCommand }'), /has no exported member (named )?'ListRulesCommand'/],
    ['the DOM, which a function does not have', mistake('const detail', 'document.title = "x";\n  const detail'), /Cannot find name 'document'/],
  ])('name the problem in the handler: %s', (_name, handler, expected) => {
    const problems = checkInEditor({ 'events.ts': EVENTS, 'handler.ts': handler });
    expect(problems.map((p) => p.file)).toEqual(['file:///lab/handler.ts']);
    expect(problems[0]?.message).toMatch(expected);
  });

  it("type-check every lab's starter and solution TypeScript files as they are", () => {
    const labs = listLabIds().map((id) => loadLab(id));
    const withTs = labs.filter((lab) => Object.keys(lab.starter).some((p) => p.endsWith('.ts')));
    expect(withTs.length).toBeGreaterThan(0);
    for (const lab of withTs) {
      expect(messages(checkInEditor(lab.starter)), `${lab.id} starter`).toEqual([]);
      expect(messages(checkInEditor({ ...lab.starter, ...lab.solution })), `${lab.id} solution`).toEqual([]);
    }
  });

  it("refuse an @types/aws-lambda whose handler.d.ts no longer imports Node's stream as expected", () => {
    expect(() => awsLambdaLibs('import { Writable } from "stream";\nexport interface Context {}', '')).toThrow(/update editor-libs\.ts/);
  });
});
