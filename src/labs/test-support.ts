// Test helper: a HandlerHost whose "modules" are plain functions keyed by file name. They get the Lambda
// context, and `testClient()` is a real EventBridgeClient whose requests reach the running invocation's bus.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { HandlerHost, LabHandler } from './lab-scenario.ts';
import { lambdaContext, type LambdaContext, functionEnvironment } from './lambda-context.ts';
import { InvocationSlot } from './invocation-slot.ts';
import { labClientConfig } from './lab-client-config.ts';

export type TestHandler = (event: unknown, context: LambdaContext) => unknown;

const slot = new InvocationSlot();

export function testClient(config: Record<string, unknown> = {}): EventBridgeClient {
  return new EventBridgeClient(labClientConfig(functionEnvironment('test', 3000), slot.wire, config));
}

export function functionHost(handlers: Record<string, TestHandler>): HandlerHost {
  return {
    async loadHandler(file, _source, exportName) {
      const fn = handlers[file];
      if (!fn) throw new Error(`${file} has no exported function "${exportName}".`);
      const handler: LabHandler = (event, inv) => slot.run(inv, async () => fn(event, lambdaContext(inv.context)));
      return handler;
    },
  };
}
