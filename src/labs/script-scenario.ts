// One run of a lab's script (script labs): the learner's exported async function, loaded by the runner like
// a handler and behind the same boundary, drives a fresh local AWS (script-wire.ts) with the real SDK. What
// it called, what it threw and what it left behind become plain observations the script checks judge.
import type { ScriptWorld } from './lab-definition.ts';
import type { LabDefinition, LabFiles, LabScriptSpec, OutputLine } from './lab-types.ts';
import { captureConsole, errorText, requestId, type HandlerHost, type LabHandler } from './lab-scenario.ts';
import { scriptAws, type Bent, type SdkCall } from './script-wire.ts';
import { contextData, LAB_REGION } from './lambda-context.ts';

export const DEFAULT_SCRIPT_TIMEOUT_MS = 10_000;

/** What the local AWS holds when the script has ended. */
export interface FinalState {
  buses: string[];
  /** Rules on every bus, with their targets' ARNs. */
  rules: { bus: string; name: string; targets: string[] }[];
  logGroups: string[];
  policies: string[];
}

export interface ScriptObservations {
  setupProblems: string[];
  calls: SdkCall[];
  /** What the script threw (or why it was stopped); absent when it returned. */
  threw?: string;
  /** True when it was stopped at its time limit rather than throwing. */
  stopped?: boolean;
  output: OutputLine[];
  final: FinalState;
  bent: Bent;
  world: ScriptWorld;
}

/** The name the script runs under (its file without the extension): in messages, and as the function name a watchdog shows. */
export function scriptName(spec: LabScriptSpec): string {
  return spec.file.replace(/\.[jt]s$/, '');
}

/** What the script's process.env holds: the region and placeholder credentials, as the SDK's default chain reads them, and the lab's own. */
export function scriptEnvironment(spec: LabScriptSpec): Record<string, string> {
  return {
    AWS_REGION: LAB_REGION,
    AWS_DEFAULT_REGION: LAB_REGION,
    AWS_ACCESS_KEY_ID: 'ASIALABLOCALONLY0000',
    AWS_SECRET_ACCESS_KEY: 'lab-local-only',
    AWS_SESSION_TOKEN: 'lab-local-only',
    ...spec.env,
  };
}

/** Loads the script once per check run (its module-level clients then live across runs, as in one process). */
export async function loadScript(def: LabDefinition, files: LabFiles, host: HandlerHost): Promise<{ handler?: LabHandler; problems: string[] }> {
  const spec = def.script;
  if (!spec) return { problems: [] };
  const source = files[spec.file];
  if (source === undefined) return { problems: [`The script needs the file ${spec.file}, which is missing.`] };
  try {
    return { handler: await host.loadHandler(spec.file, source, spec.export ?? 'main', scriptEnvironment(spec)), problems: [] };
  } catch (e) {
    return { problems: [`${spec.file} could not be loaded: ${errorText(e)}`] };
  }
}

function finalState(aws: ReturnType<typeof scriptAws>): FinalState {
  const svc = aws.regions.events(LAB_REGION);
  const buses = svc.listEventBuses({}).EventBuses.map((b) => b.Name);
  const rules = buses.flatMap((bus) =>
    svc.listRules({ EventBusName: bus }).Rules.map((r) => ({ bus, name: r.Name, targets: svc.listTargetsByRule({ Rule: r.Name, EventBusName: bus }).Targets.map((t) => t.Arn) })),
  );
  return {
    buses: buses.filter((b) => b !== 'default'),
    rules,
    logGroups: svc.logs.describeLogGroups({}).logGroups.map((g) => g.logGroupName),
    policies: svc.logs.describeResourcePolicies({}).resourcePolicies.map((p) => p.policyName),
  };
}

/** Runs the script once against a fresh local AWS bent as `world` says. */
/** With `narrate` (Run), each SDK call becomes a line of output as it is answered. */
export async function runScript(def: LabDefinition, host: HandlerHost, loaded: { handler?: LabHandler; problems: string[] }, world: ScriptWorld = {}, narrate = false): Promise<ScriptObservations> {
  const spec = def.script!;
  const name = scriptName(spec);
  const timeoutMs = spec.timeoutMs ?? DEFAULT_SCRIPT_TIMEOUT_MS;
  let started = Date.now();
  const aws = scriptAws(world, () => started, narrate ? (c) => obs.output.push({ stream: 'info', text: callLine(c) }) : undefined);
  const obs: ScriptObservations = { setupProblems: [...loaded.problems], calls: aws.calls, output: [], final: { buses: [], rules: [], logGroups: [], policies: [] }, bent: aws.bent, world };
  if (host.onOutput) {
    const push = obs.output.push.bind(obs.output);
    obs.output.push = (...lines: OutputLine[]) => {
      for (const l of lines) host.onOutput?.(l);
      return push(...lines);
    };
  }
  const fn = loaded.handler;
  if (fn) {
    await captureConsole(obs.output, async () => {
      started = Date.now();
      const invocation = { context: contextData(name, requestId(), timeoutMs, started), env: scriptEnvironment(spec), wire: aws.wire };
      host.enter?.(name, spec.file, timeoutMs);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stop = new Error(`Stopped: ${spec.file} did not finish within ${timeoutMs / 1000} s. Look for a loop that never ends, or a wait with no deadline.`);
      try {
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(stop), timeoutMs);
        });
        await Promise.race([fn(undefined, invocation), late]);
      } catch (e) {
        obs.stopped = e === stop;
        obs.threw = obs.stopped ? stop.message : errorText(e, spec.file);
        obs.output.push({ stream: 'error', text: obs.stopped ? obs.threw : `${spec.file} threw: ${obs.threw}` });
      } finally {
        clearTimeout(timer);
        host.exit?.(name);
      }
    });
  }
  obs.final = finalState(aws);
  return obs;
}

/** One SDK call as Run tells it: when, the service, the operation and how it was answered. */
export function callLine(c: SdkCall): string {
  const service = c.service === 'logs' ? 'CloudWatch Logs' : 'EventBridge';
  const refused = c.entries?.filter((e) => e.ErrorCode).length ?? 0;
  const outcome = c.errorCode ? c.errorCode : c.entries ? `${c.entries.length - refused} accepted, ${refused} failed` : c.readIds ? `${c.readIds.length} event(s)` : 'ok';
  return `+${c.at} ms ${service} ${c.operation}: ${outcome}`;
}
