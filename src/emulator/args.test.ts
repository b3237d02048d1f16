import { describe, expect, it } from 'vitest';
import { ArgsError, parseArgs } from './args.ts';

describe('emulator options', () => {
  it('has local defaults and reads every option, with or without "="', () => {
    expect(parseArgs([])).toEqual({ port: 4010, host: '127.0.0.1', region: 'us-east-1', logCaps: {}, quiet: false, help: false });
    expect(parseArgs(['--port=0', '--host', '::1', '--region', 'eu-west-1', '--state', 's.json', '--quiet', '--max-log-events', '10', '--max-log-mb=2'])).toEqual({
      port: 0, host: '::1', region: 'eu-west-1', stateFile: 's.json', logCaps: { maxEvents: 10, maxBytes: 2 * 1024 * 1024 }, quiet: true, help: false,
    });
  });

  it('names the option and the problem', () => {
    expect(() => parseArgs(['--port', '70000'])).toThrow(/--port must be a whole number from 0 to 65535, got "70000"/);
    expect(() => parseArgs(['--region', 'Ireland'])).toThrow(/--region must look like eu-west-1/);
    expect(() => parseArgs(['--state'])).toThrow(/--state needs a value/);
    expect(() => parseArgs(['--verbose'])).toThrow(ArgsError);
    expect(() => parseArgs(['--max-log-events', '0'])).toThrow(/--max-log-events must be a whole number above 0/);
  });
});
