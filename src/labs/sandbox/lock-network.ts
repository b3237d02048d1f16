// Runs in the grader's child before any learner module loads: every way to open a socket or resolve a
// name that Node offers to JavaScript throws. Node 22's permission model does not cover the network, so
// this is one of two layers: on Linux the child also runs in an empty network namespace (see
// sandbox-spawn.ts), where a socket would have no interface to use even if this lock were got round.
// Copied next to the child script: imports only Node built-ins.
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

export const NETWORK_BLOCKED = 'Network access is blocked while a lab is graded: handlers talk to the bus through context.bus only.';

function refuse(): never {
  const e = new Error(NETWORK_BLOCKED) as Error & { code: string };
  e.code = 'ERR_ACCESS_DENIED';
  throw e;
}

/** Replaces `names` on `target` for good: not writable, not configurable, so learner code cannot put them back. */
function seal(target: object, names: string[]): void {
  for (const name of names) {
    if (!(name in target)) continue;
    Object.defineProperty(target, name, { value: refuse, writable: false, configurable: false, enumerable: false });
  }
}

export function lockNetwork(): void {
  seal(net.Socket.prototype, ['connect']);
  seal(net.Server.prototype, ['listen']);
  seal(net, ['connect', 'createConnection', 'createServer']);
  seal(tls, ['connect', 'createServer']);
  seal(dgram.Socket.prototype, ['bind', 'send', 'connect']);
  seal(dgram, ['createSocket']);
  seal(http, ['request', 'get', 'createServer']);
  seal(https, ['request', 'get', 'createServer']);
  seal(http2, ['connect', 'createServer', 'createSecureServer']);
  const resolvers = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr', 'resolveSoa', 'resolveCaa', 'reverse'];
  seal(dns, resolvers);
  seal(dns.promises, resolvers);
  seal(dns.Resolver.prototype, resolvers);
  seal(dns.promises.Resolver.prototype, resolvers);
  // The child is also started with --no-experimental-fetch and --no-experimental-websocket; these
  // cover a Node that keeps the globals anyway.
  for (const name of ['fetch', 'WebSocket', 'EventSource']) {
    if (name in globalThis) Object.defineProperty(globalThis, name, { value: refuse, writable: false, configurable: false });
  }
  // `import { connect } from 'node:net'` reads a copy of the exports: bring the copies in line.
  syncBuiltinESMExports();
}
