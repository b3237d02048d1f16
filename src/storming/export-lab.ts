// `lab`: a starter lab in the course's format (lab.md, checks.json, files/, solution/): the learner writes
// each consuming service's rule pattern; the checks say which events must and must not reach each service.
import type { LabDefinition, LabEvent } from '../labs/lab-types.ts';
import type { Board } from './board-format.ts';
import { consumerPattern, deriveArchitecture, kebabCase } from './architecture.ts';
import { json, type ExportFiles } from './export-files.ts';
import { logGroupName } from './export-cloudformation.ts';
import { sampleDetail } from './sample-events.ts';

export function labId(board: Board, number = 90): string {
  return `${String(number).padStart(2, '0')}-${kebabCase(board.title)}`.slice(0, 60);
}

export function exportLab(board: Board, id = labId(board)): ExportFiles {
  const arch = deriveArchitecture(board);
  const consumers = arch.services.filter((s) => consumerPattern(s) !== undefined);
  const published = arch.events.filter((e) => e.producer);
  const eventName = (detailType: string) => kebabCase(detailType.replace(/([a-z0-9])([A-Z])/g, '$1-$2'));
  const events: Record<string, LabEvent> = {};
  for (const e of published) events[eventName(e.detailType)] = { source: e.producer?.source ?? '', 'detail-type': e.detailType, detail: sampleDetail(e) };
  const rulePath = (slug: string) => `rules/${slug}.json`;
  const definition: LabDefinition = {
    files: consumers.map((s) => ({ path: rulePath(s.slug) })),
    bus: { rules: consumers.map((s) => ({ name: `${s.slug}-consumes`, pattern: { file: rulePath(s.slug) }, targets: [{ id: s.slug, logGroup: logGroupName(arch.busName, s) }] })) },
    events,
    checks: [
      ...consumers.map((s) => ({ id: `${s.slug}-pattern-valid`, type: 'pattern-valid' as const, file: rulePath(s.slug), title: `${rulePath(s.slug)} is a valid event pattern`, failure: 'EventBridge would refuse this pattern. Fix the problems below first.' })),
      ...consumers.flatMap((s) =>
        published.map((e) => {
          const wanted = s.consumes.some((c) => c.id === e.id);
          return {
            id: `${s.slug}-${wanted ? 'gets' : 'skips'}-${eventName(e.detailType)}`,
            type: 'routes' as const, events: [eventName(e.detailType)], target: s.slug, expect: wanted ? ('reach' as const) : ('not-reach' as const),
            title: `${e.detailType} ${wanted ? 'reaches' : 'stays away from'} ${s.name}`,
            failure: wanted ? `${s.name} reacts to ${e.detailType} on the board. Match its source and detail-type.` : `${s.name} does not react to ${e.detailType}. Narrow the pattern.`,
          };
        }),
      ),
    ],
  };
  const table = consumers.map((s) => `| \`${s.slug}\` | ${s.consumes.map((e) => `\`${e.detailType}\``).join(', ')} |`).join('\n');
  const brief = `---
id: ${id}
title: ${JSON.stringify(`One bus for ${board.title}`)}
description: ${JSON.stringify(`Write the rule of every consuming service on the ${arch.busName} bus, from an EventBridge Storming board.`)}
module: eventbridge-storming
level: intermediate
minutes: 30
lessons:
  - eventbridge-storming/services-bus-schema
hints:
  - 'Every event a service publishes has the source "<prefix>.<service>"; the detail-type is the event name.'
  - 'A pattern lists allowed values: one list for source, one for detail-type.'
  - 'A service that hears from several producers needs "$or": one branch per source, so the wrong sender stays out.'
---

## Goal

The storming session ended with one bus, \`${arch.busName}\`, and these reactions. Edit each file in \`rules/\`
so that its service's rule sends it exactly the events it reacts to.

| Service | Reacts to |
| --- | --- |
${table}

## Steps

1. Press **Run** to put one sample of every event on the bus and see what each rule matches.
2. Write each pattern on \`source\` and \`detail-type\`.
3. Press **Check**.
`;
  const files: ExportFiles = { 'lab.md': brief, 'checks.json': json(definition) };
  for (const s of consumers) {
    files[`files/${rulePath(s.slug)}`] = json({ source: [`${board.bus.sourcePrefix || 'example'}.change-me`] });
    files[`solution/${rulePath(s.slug)}`] = json(consumerPattern(s));
  }
  return files;
}
