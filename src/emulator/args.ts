// Command-line options of `npm run emulator -- ...`.

export interface EmulatorArgs {
  port: number;
  host: string;
  region: string;
  stateFile?: string;
  /** Caps on retained log events per region. */
  logCaps: { maxEvents?: number; maxBytes?: number };
  quiet: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run emulator -- [options]

Runs a local AWS endpoint: EventBridge and CloudWatch Logs (AWS JSON 1.1) and the other services listed
in the README, all on one port.

Options:
  --port N       port to listen on (default 4010; 0 picks a free one)
  --host H       address to bind (default 127.0.0.1; credentials are not checked, keep it local)
  --region R     region for requests without a SigV4 credential scope (default us-east-1)
  --state FILE   keep every change (buses, rules, targets, log groups, log events...) in FILE across
                 restarts; each call is on disk before it is answered; one emulator per FILE
  --max-log-events N   log events retained per region (default 200000); past it the oldest are dropped
  --max-log-mb N       log bytes retained per region, in MB (default 64); past it the oldest are dropped
  --quiet        do not print one line per request
  --help         show this help

Point a client at it:
  aws events list-event-buses --endpoint-url http://127.0.0.1:4010 --region eu-west-1
  new EventBridgeClient({ endpoint: 'http://127.0.0.1:4010', region: 'eu-west-1',
                          credentials: { accessKeyId: 'test', secretAccessKey: 'test' } })`;

export class ArgsError extends Error {}

export function parseArgs(argv: readonly string[]): EmulatorArgs {
  const out: EmulatorArgs = { port: 4010, host: '127.0.0.1', region: 'us-east-1', logCaps: {}, quiet: false, help: false };
  const positive = (flag: string, v: string): number => {
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new ArgsError(`${flag} must be a whole number above 0, got ${JSON.stringify(v)}`);
    return Number(v);
  };
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
      case '--max-log-events': out.logCaps.maxEvents = positive(flag, value()); break;
      case '--max-log-mb': out.logCaps.maxBytes = positive(flag, value()) * 1024 * 1024; break;
      case '--quiet': out.quiet = true; break;
      case '--help': case '-h': out.help = true; break;
      default: throw new ArgsError(`unknown option ${JSON.stringify(raw)} (see --help)`);
    }
  }
  return out;
}
