// The numbers and names lessons state agree with the one definition the engine and the emulator use:
// src/eventbridge/limits.ts and src/aws-facts/lambda-runtimes.ts.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MAX_EVENT_SIZE_TEXT, MAX_PUT_EVENTS_ENTRIES, MAX_TARGETS_PER_RULE } from '../eventbridge/limits.ts';
import { DEPRECATED_NODE_RUNTIMES, SUPPORTED_NODE_RUNTIMES } from '../aws-facts/lambda-runtimes.ts';
import { lessonFiles, repoRoot } from './lesson-files.ts';
import { glossary } from '../glossary/terms.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every text the learner reads or copies: lesson bodies, quiz and playground data, the glossary, labs and templates. */
const texts: { file: string; text: string }[] = [
  ...lessonFiles().map((l) => ({ file: `content/${l.file}`, text: l.body })),
  ...walk(join(repoRoot, 'content'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: relative(repoRoot, f), text: readFileSync(f, 'utf8') })),
  ...walk(join(repoRoot, 'labs'))
    .filter((f) => /\.(md|mdx|ts|js|mjs|json|ya?ml)$/.test(f))
    .map((f) => ({ file: relative(repoRoot, f), text: readFileSync(f, 'utf8') })),
  { file: 'src/glossary/terms.ts', text: glossary.map((t) => t.definition).join('\n') },
];

const lines = () => texts.flatMap(({ file, text }) => text.split('\n').map((line, i) => ({ where: `${file}:${i + 1}`, line })));
// A line may name an old figure only while saying it is old.
const PAST = /\b(before|until|was|were|raised|from|still (say|show)|old|end of support|deprecated|reached)\b/i;

describe('facts agree with the shared definitions', () => {
  it(`no lesson, quiz, lab or glossary entry gives 256 KB as the current event size limit (it is ${MAX_EVENT_SIZE_TEXT})`, () => {
    const current = lines().filter(({ line }) => /256\s?KB/i.test(line) && !PAST.test(line));
    expect(current.map((l) => `${l.where}: ${l.line.trim()}`)).toEqual([]);
  });

  it('the lessons that teach PutEvents state the current size limit and entry count', () => {
    for (const slug of ['eventbridge/buses-and-events', 'eventbridge/delivery-archives-schemas', 'in-practice/triggering-events']) {
      const body = lessonFiles().find((l) => l.slug === slug)!.body;
      expect(body, slug).toContain(MAX_EVENT_SIZE_TEXT);
      expect(body, slug).toContain(`${MAX_PUT_EVENTS_ENTRIES} entries`);
    }
  });

  it('every number of entries per PutEvents call and of targets per rule matches the limits', () => {
    // A quiz's wrong option may name a wrong number on purpose.
    const wrongEntries = lines().filter(({ line }) => !line.includes('correct: false') && /(at most|up to)\s+\d+\s+entries/i.test(line) && !new RegExp(`(at most|up to)\\s+${MAX_PUT_EVENTS_ENTRIES}\\s+entries`, 'i').test(line));
    expect(wrongEntries.map((l) => l.where)).toEqual([]);
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    const targets = lines().flatMap(({ where, line }) =>
      [...line.matchAll(/\b(\d+|[a-z]+) targets (per|on one|on a) rule/gi)].map((m) => ({ where, n: /^\d+$/.test(m[1]!) ? Number(m[1]) : words.indexOf(m[1]!.toLowerCase()) })),
    );
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => t.n !== MAX_TARGETS_PER_RULE)).toEqual([]);
  });

  it('every Lambda runtime named is a supported one (a deprecated one only where the text says so)', () => {
    const named = lines().flatMap(({ where, line }) => [...line.matchAll(/\bnodejs\d+\.x\b/g)].map((m) => ({ where, line, runtime: m[0] })));
    expect(named.length).toBeGreaterThan(0);
    const bad = named.filter(({ runtime, line }) => !(SUPPORTED_NODE_RUNTIMES as readonly string[]).includes(runtime) && !(runtime in DEPRECATED_NODE_RUNTIMES && PAST.test(line)));
    expect(bad.map((b) => `${b.where}: ${b.runtime}`)).toEqual([]);
  });
});
