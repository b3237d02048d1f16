// Entry point of `npm run emulator`: parses options, starts the server, stops cleanly on SIGINT/SIGTERM.
import { ArgsError, parseArgs, USAGE } from './args.ts';
import { createEmulator, StateFileError } from './emulator.ts';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ArgsError) {
      console.error(`emulator: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let emulator;
  try {
    emulator = await createEmulator({
      port: args.port,
      host: args.host,
      region: args.region,
      stateFile: args.stateFile,
      logCaps: args.logCaps,
      log: args.quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`),
    });
  } catch (e) {
    if (e instanceof StateFileError) {
      console.error(`emulator: ${e.message}`);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`emulator: port ${args.port} on ${args.host} is already in use; pick another with --port`);
      return 1;
    }
    throw e;
  }
  // Handlers first: a script may stop the emulator as soon as it reads the line below.
  const stop = (signal: string) => {
    console.log(`emulator: ${signal} received, stopping`);
    // Every acknowledged change is already on disk, so a stop that hangs (a client holding a connection) may be cut short.
    setTimeout(() => {
      console.error('emulator: still stopping after 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
    emulator.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`emulator: error while stopping: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  console.log(`AWS emulator listening on ${emulator.url} (port ${emulator.port}, default region ${args.region}${args.stateFile ? `, state in ${args.stateFile}` : ''})`);
  if (!['127.0.0.1', '::1', 'localhost'].includes(args.host)) {
    console.warn(`emulator: warning: bound to ${args.host}; it accepts any credentials, so anyone who can reach this address can use it`);
  }
  console.log(`Try: aws events list-event-buses --endpoint-url ${emulator.url} --region ${args.region}`);
  return -1; // keep running
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    console.error(`emulator: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
