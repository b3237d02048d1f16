import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { makeSubmission, submissionFileName } from './make-submission.ts';
import { readSubmission } from './read-submission.ts';
import { SUBMISSION_SCHEMA_FILE, submissionJsonSchema } from './submission-json-schema.ts';

const parts = { learner: '  Ada Lovelace ', assignment: null, commit: 'e4ab2f0', createdAt: '2026-12-01T10:00:00.000Z', labs: [{ id: '01-first-rule', files: { 'pattern.json': '{"source":["x"]}' }, results: null }] };

describe('submission format', () => {
  it('hashes the canonical JSON of everything but the hash, as documented', async () => {
    const s = await makeSubmission(parts);
    expect(s.learner).toBe('Ada Lovelace');
    const { hash, ...content } = s;
    // Independent of our own hashing code: Node's crypto over the documented text.
    expect(hash.value).toBe(createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex'));
    expect(canonicalJson({ b: 1, a: [1, { d: 'é', c: null }] })).toBe('{"a":[1,{"c":null,"d":"é"}],"b":1}');
  });

  it('reads its own file back, whatever the key order, and notices an edit', async () => {
    const s = await makeSubmission(parts);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(s).reverse()), null, 3);
    expect(await readSubmission(reordered)).toMatchObject({ ok: true, hashOk: true });
    const edited = { ...s, learner: 'Someone Else' };
    expect(await readSubmission(JSON.stringify(edited))).toMatchObject({ ok: true, hashOk: false });
  });

  it('refuses what is not a version-1 submission, saying why', async () => {
    const s = await makeSubmission(parts);
    expect(await readSubmission('nope')).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
    expect(await readSubmission(JSON.stringify({ ...s, version: 2 }))).toMatchObject({ ok: false, error: expect.stringMatching(/newer version/) });
    expect(await readSubmission(JSON.stringify({ ...s, labs: [{ ...s.labs[0], files: { '../../etc/passwd': 'x' } }] }))).toMatchObject({ ok: false, error: expect.stringMatching(/labs\.0\.files/) });
    expect(await readSubmission(JSON.stringify({ ...s, extra: 1 }))).toMatchObject({ ok: false });
    await expect(makeSubmission({ ...parts, learner: '   ' })).rejects.toThrow(/learner name is empty/);
  });

  it('the JSON Schema in the repository is the one generated from the zod schema', () => {
    expect(JSON.parse(readFileSync(SUBMISSION_SCHEMA_FILE, 'utf8'))).toEqual(submissionJsonSchema());
  });

  it('names files after the learner and the lab', () => {
    expect(submissionFileName('Zoë O’Brien', '01-first-rule')).toBe('zoe-o-brien-01-first-rule.submission.json');
  });
});
