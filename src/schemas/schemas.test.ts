import { describe, expect, it } from 'vitest';
import { lessonFields } from './lesson.ts';
import { labSchema } from './lab.ts';

describe('lesson frontmatter', () => {
  it('accepts a complete lesson and fills defaults', () => {
    const data = lessonFields.parse({ module: 'eventbridge', order: 2, minutes: 10, objectives: ['Write a rule.'] });
    expect(data).toEqual({ module: 'eventbridge', order: 2, minutes: 10, objectives: ['Write a rule.'], labs: [] });
  });

  it('names the field and the problem', () => {
    const result = lessonFields.safeParse({ module: 'nope', order: 'two', labs: 'x' });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues).toContain('order: must be a number (the position of the lesson in its module, from 1)');
    expect(issues.find((i) => i.startsWith('module:'))).toMatch(/must be one of: serverless, architectures/);
    expect(issues).toContain('labs: must be a list of lab ids (folder names under labs/)');
  });
});

describe('lab manifest', () => {
  const ok = { id: '01-first-rule', title: 'Your first rule', module: 'eventbridge', level: 'beginner', minutes: 20, lessons: ['eventbridge/rules-and-patterns'] };

  it('accepts a valid manifest', () => {
    expect(labSchema.parse(ok)).toMatchObject({ ...ok, hints: [] });
  });

  it('rejects a bad id, level and minutes with clear messages', () => {
    const result = labSchema.safeParse({ ...ok, id: 'First Rule', level: 'easy', minutes: 'ten' });
    const issues = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues).toEqual([
      'id: must look like 01-first-rule (two digits, a dash, kebab-case)',
      'level: must be beginner, intermediate or advanced',
      'minutes: must be a number of minutes',
    ]);
  });

  it('requires the lessons the lab practises, as lesson slugs', () => {
    const issues = (value: unknown) => labSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ ...ok, lessons: undefined })).toEqual(['lessons: must be a list of lesson slugs (module/lesson)']);
    expect(issues({ ...ok, lessons: [] })).toEqual(['lessons: must name at least one lesson the lab practises']);
    expect(issues({ ...ok, lessons: ['/eventbridge/rules-and-patterns/'] })).toEqual(['lessons.0: must be a lesson slug such as eventbridge/rules-and-patterns']);
  });
});
