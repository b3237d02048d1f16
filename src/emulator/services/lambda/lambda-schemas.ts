// Input shapes of the Lambda operations served (from the Lambda API model), decoded at the edge.
import { z } from 'zod';

export const functionName = z.string().regex(/^(arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:)?[a-zA-Z0-9_-]{1,64}(:[\w$-]+)?$/, 'Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?');
const role = z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/?[\w+=,.@\-/]+$/, 'Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+');
const handler = z.string().regex(/^[^\s]{1,128}$/, 'Member must satisfy regular expression pattern: [^\\s]+');
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Member must be base64-encoded');
const environment = z.object({ Variables: z.record(z.string().regex(/^[a-zA-Z]\w*$/), z.string()).optional() });
const deadLetter = z.object({ TargetArn: z.string().optional() });

export const createFunctionInput = z.object({
  FunctionName: functionName,
  Runtime: z.string(),
  Role: role,
  Handler: handler,
  Code: z.object({ ZipFile: base64.optional(), S3Bucket: z.string().optional(), S3Key: z.string().optional(), ImageUri: z.string().optional() }),
  Description: z.string().max(256).optional(),
  Timeout: z.number().int().min(1).max(900).optional(),
  MemorySize: z.number().int().min(128).max(10240).optional(),
  Environment: environment.optional(),
  DeadLetterConfig: deadLetter.optional(),
  Publish: z.boolean().optional(),
  PackageType: z.enum(['Zip', 'Image']).optional(),
  Architectures: z.array(z.enum(['x86_64', 'arm64'])).max(1).optional(),
  Tags: z.record(z.string(), z.string()).optional(),
});

export const updateCodeInput = z.object({
  ZipFile: base64.optional(), S3Bucket: z.string().optional(), S3Key: z.string().optional(), Publish: z.boolean().optional(),
  DryRun: z.boolean().optional(), RevisionId: z.string().optional(), Architectures: z.array(z.enum(['x86_64', 'arm64'])).max(1).optional(),
});

export const updateConfigurationInput = z.object({
  Role: role.optional(), Handler: handler.optional(), Description: z.string().max(256).optional(),
  Timeout: z.number().int().min(1).max(900).optional(), MemorySize: z.number().int().min(128).max(10240).optional(),
  Environment: environment.optional(), Runtime: z.string().optional(), DeadLetterConfig: deadLetter.optional(), RevisionId: z.string().optional(),
});

export const addPermissionInput = z.object({
  StatementId: z.string().regex(/^[a-zA-Z0-9-_.]{1,100}$/), Action: z.string().regex(/^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/),
  Principal: z.string().regex(/^[^\s]+$/), SourceArn: z.string().optional(), SourceAccount: z.string().optional(),
  EventSourceToken: z.string().optional(), RevisionId: z.string().optional(), PrincipalOrgID: z.string().optional(),
  FunctionUrlAuthType: z.enum(['NONE', 'AWS_IAM']).optional(),
});

export const eventInvokeConfigInput = z.object({
  MaximumRetryAttempts: z.number().int().min(0).max(2).optional(),
  MaximumEventAgeInSeconds: z.number().int().min(60).max(21600).optional(),
  DestinationConfig: z.object({
    OnSuccess: z.object({ Destination: z.string().optional() }).optional(),
    OnFailure: z.object({ Destination: z.string().optional() }).optional(),
  }).optional(),
});

export const listFunctionsQuery = z.object({
  Marker: z.string().optional(),
  MaxItems: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(10000)).optional(),
});
