// The services of this folder on one port, beside the EventBridge/Logs forwarder, with real SDK clients.
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import { serveEndpoints, type EndpointServer, type EndpointServerOptions } from '../endpoint-server.ts';
import type { EndpointFactory } from '../service-endpoint.ts';
import { DUMMY_CREDENTIALS } from '../test-clients.ts';
import { startEventsLogsForwarder } from './events-logs-forwarder.test-support.ts';
import { serviceEndpoints, type ServiceEndpointOptions } from './index.ts';

export interface TestStack {
  server: EndpointServer;
  clients: ReturnType<typeof clientsAt>;
  close(): Promise<void>;
}

export function clientsAt(url: string, region = 'eu-west-1') {
  const config = { endpoint: url, region, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 };
  return {
    sqs: new SQSClient(config), sts: new STSClient(config), iam: new IAMClient(config), lambda: new LambdaClient(config),
    cloudformation: new CloudFormationClient(config), events: new EventBridgeClient(config), logs: new CloudWatchLogsClient(config),
  };
}

export async function startServices(opts: ServiceEndpointOptions = {}, server: EndpointServerOptions = {}, extra: EndpointFactory[] = []): Promise<TestStack> {
  const forwarder = await startEventsLogsForwarder();
  const s = await serveEndpoints([...serviceEndpoints(opts), ...extra, forwarder.factory], { port: 0, ...server });
  return { server: s, clients: clientsAt(s.url), close: () => s.close() };
}
