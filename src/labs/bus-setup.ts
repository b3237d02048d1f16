// Builds the lab's bus from its definition and the learner's files: targets (functions, log groups, other buses),
// scheduled rules, the archive and the replay. What goes wrong becomes a message for the learner (setup problems).
import type { EventBridgeService } from '../eventbridge/index.ts';
import type { LabFiles, LabTargetSpec } from './lab-types.ts';

/** The text of a learner file, or inline JSON from checks.json. */
export function sourceText(files: LabFiles, src: { file: string } | { inline: unknown }, what: string): string {
  if ('file' in src) {
    const text = files[src.file];
    if (text === undefined) throw new Error(`${what}: the file ${src.file} is missing`);
    return text;
  }
  return JSON.stringify(src.inline);
}

export const ARCHIVE_NAME = 'lab-archive';

/** The ScheduleExpression in a learner's schedule file (`{ "ScheduleExpression": "cron(...)" }`). */
export function scheduleExpression(files: LabFiles, file: string): string {
  const text = files[file];
  if (text === undefined) throw new Error(`the file ${file} is missing`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const expression = typeof value === 'object' && value !== null ? (value as { ScheduleExpression?: unknown }).ScheduleExpression : undefined;
  if (typeof expression !== 'string') throw new Error(`${file} needs "ScheduleExpression": a rate(...) or cron(...) text`);
  return expression;
}

/** PutTargets entries for a rule's targets: functions (recorded), log groups and other buses of the lab. */
export function buildTargets(
  service: EventBridgeService,
  files: LabFiles,
  problems: string[],
  logGroups: Set<string>,
  specs: LabTargetSpec[],
  /** Registers a function target; false when the function failed to load (already reported). */
  registerFunction: (name: string) => boolean,
): Record<string, unknown>[] {
  const targets: Record<string, unknown>[] = [];
  for (const t of specs) {
    let arn: string;
    if (t.logGroup) {
      if (!logGroups.has(t.logGroup)) service.logs.createLogGroup({ logGroupName: t.logGroup });
      logGroups.add(t.logGroup);
      arn = `arn:aws:logs:${service.region}:${service.account}:log-group:${t.logGroup}`;
    } else if (t.eventBus) {
      arn = service.describeEventBus({ Name: t.eventBus }).Arn;
    } else {
      const name = t.function ?? t.id;
      arn = service.functionArn(name);
      if (!registerFunction(name)) continue;
    }
    let input: Record<string, unknown> = {};
    if (t.input) {
      try {
        input = JSON.parse(sourceText(files, t.input, `target ${t.id}`)) as Record<string, unknown>;
      } catch (e) {
        problems.push(`Target ${t.id}: the input is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
        continue;
      }
    }
    targets.push({ ...input, Id: t.id, Arn: arn, RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 } });
  }
  return targets;
}

export function putTargets(service: EventBridgeService, problems: string[], rule: string, eventBus: string | undefined, targets: Record<string, unknown>[]): void {
  if (targets.length === 0) return;
  try {
    const res = service.putTargets({ Rule: rule, ...(eventBus ? { EventBusName: eventBus } : {}), Targets: targets as never });
    for (const f of res.FailedEntries ?? []) problems.push(`Target ${String((f as { TargetId?: string }).TargetId)}: ${String((f as { ErrorMessage?: string }).ErrorMessage)}`);
  } catch (e) {
    problems.push(`Targets of rule ${rule}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** StartReplay from the lab's archive onto the bus, with the learner's settings (times, ReplayName, FilterArns). */
export function startReplay(service: EventBridgeService, files: LabFiles, file: string, archiveArn: string, problems: string[]): void {
  const text = files[file];
  if (text === undefined) return void problems.push(`Replay: the file ${file} is missing.`);
  let settings: Record<string, unknown>;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('it must hold a JSON object');
    settings = parsed as Record<string, unknown>;
  } catch (e) {
    return void problems.push(`Replay: ${file} is not valid: ${e instanceof Error ? e.message : String(e)}`);
  }
  const destination = typeof settings.Destination === 'object' && settings.Destination !== null ? (settings.Destination as Record<string, unknown>) : {};
  try {
    // The archive and the bus are the lab's: their ARNs are filled in, everything else is the learner's.
    service.startReplay({ ...settings, EventSourceArn: archiveArn, Destination: { ...destination, Arn: service.describeEventBus({}).Arn } } as never);
  } catch (e) {
    problems.push(`Replay: StartReplay refused ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
