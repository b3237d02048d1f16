// The endpoints of this folder, in the order the server should ask them (most specific claim first).
import type { EndpointFactory } from '../service-endpoint.ts';
import { createCloudFormationEndpoint } from './cloudformation/cfn-endpoint.ts';
import { createIamEndpoint } from './iam/iam-endpoint.ts';
import { createLambdaEndpoint, type LambdaEndpointOptions } from './lambda/lambda-endpoint.ts';
import { createSqsEndpoint, type SqsEndpointOptions } from './sqs/sqs-endpoint.ts';
import { createStsEndpoint } from './sts/sts-endpoint.ts';

export interface ServiceEndpointOptions {
  sqs?: SqsEndpointOptions;
  lambda?: LambdaEndpointOptions;
}

export function serviceEndpoints(opts: ServiceEndpointOptions = {}): EndpointFactory[] {
  return [createLambdaEndpoint(opts.lambda), createSqsEndpoint(opts.sqs), createIamEndpoint, createStsEndpoint, createCloudFormationEndpoint()];
}
