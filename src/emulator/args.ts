// Command-line options of `npm run emulator -- ...`.

export interface EmulatorArgs {
  port: number;
  host: string;
  region: string;
  stateFile?: string;
  quiet: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run emulator -- [options]

Runs a local EventBridge + CloudWatch Logs endpoint speaking the AWS JSON 1.1 protocol.

Options:
  --port N       port to listen on (default 4010; 0 picks a free one)
  --host H       address to bind (default 127.0.0.1; credentials are not checked, keep it local)
  --region R     region for requests without a SigV4 credential scope (default us-east-1)
  --state FILE   keep buses, rules, targets, log groups and log events in FILE across restarts
  --quiet        do not print one line per request
  --help         show this help

Point a client at it:
  aws events list-event-buses --endpoint-url http://127.0.0.1:4010 --region eu-west-1
  new EventBridgeClient({ endpoint: 'http://127.0.0.1:4010', region: 'eu-west-1',
                          credentials: { accessKeyId: 'test', secretAccessKey: 'test' } })`;

export class ArgsError extends Error {}

export function parseArgs(argv: readonly string[]): EmulatorArgs {
  const out: EmulatorArgs = { port: 4010, host: '127.0.0.1', region: 'us-east-1', quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.indexOf('=');
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      const v = eq > 0 ? raw.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new ArgsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > 65535) throw new ArgsError(`--port must be a whole number from 0 to 65535, got ${JSON.stringify(v)}`);
        out.port = n;
        break;
      }
      case '--host': out.host = value(); break;
      case '--region': {
        const v = value();
        if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(v)) throw new ArgsError(`--region must look like eu-west-1, got ${JSON.stringify(v)}`);
        out.region = v;
        break;
      }
      case '--state': out.stateFile = value(); break;
      case '--quiet': out.quiet = true; break;
      case '--help': case '-h': out.help = true; break;
      default: throw new ArgsError(`unknown option ${JSON.stringify(raw)} (see --help)`);
    }
  }
  return out;
}
