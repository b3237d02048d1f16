// Writes each invocation's log lines to /aws/lambda/<name>, one stream per execution environment, as
// Lambda does, through the CloudWatch Logs API of this same emulator (so Lambda needs no Logs internals).
import {
  CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand,
  ResourceAlreadyExistsException,
} from '@aws-sdk/client-cloudwatch-logs';
import { EMULATOR_CREDENTIALS } from '../service-kit/emulator-clients.ts';

export interface FunctionLogSink {
  write(region: string, group: string, stream: string, lines: readonly string[], time: number): Promise<void>;
}

export function cloudWatchLogSink(url: () => string, onError: (e: Error) => void): FunctionLogSink {
  const clients = new Map<string, CloudWatchLogsClient>();
  const known = new Set<string>();
  const client = (region: string): CloudWatchLogsClient => {
    let c = clients.get(region);
    if (c === undefined) {
      c = new CloudWatchLogsClient({ endpoint: url(), region, credentials: EMULATOR_CREDENTIALS, maxAttempts: 2 });
      clients.set(region, c);
    }
    return c;
  };
  const ignoreExists = (e: unknown): void => {
    if (!(e instanceof ResourceAlreadyExistsException)) throw e;
  };
  return {
    async write(region, group, stream, lines, time) {
      try {
        const c = client(region);
        const streamKey = `${region}/${group}/${stream}`;
        if (!known.has(streamKey)) {
          await c.send(new CreateLogGroupCommand({ logGroupName: group })).catch(ignoreExists);
          await c.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream })).catch(ignoreExists);
          known.add(streamKey);
        }
        await c.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: lines.map((message) => ({ timestamp: time, message })) }));
      } catch (e) {
        // The group may have been deleted meanwhile: create it again next time.
        known.clear();
        onError(e as Error);
      }
    },
  };
}
