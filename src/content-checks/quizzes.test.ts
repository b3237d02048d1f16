// Every quiz: at least one right option, exactly one for single choice, and explanations that agree with the
// options marked right. The data checked is the data the lessons import and render.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { courseModules } from '../course/modules.ts';
import type { QuizQuestion } from '../components/mdx/quiz-types.ts';
import { correctIndices, isRightAnswer } from '../components/mdx/quiz-types.ts';
import { componentUses, contentDir, lessonFiles } from './lesson-files.ts';

async function quizModule(moduleId: string): Promise<Record<string, QuizQuestion[]>> {
  return (await import(join(contentDir, moduleId, 'quiz-data.ts'))) as Record<string, QuizQuestion[]>;
}

describe('quiz data', () => {
  for (const m of courseModules) {
    it(`module ${m.id} has a quiz-data.ts whose questions are consistent`, async () => {
      expect(existsSync(join(contentDir, m.id, 'quiz-data.ts')), `content/${m.id}/quiz-data.ts`).toBe(true);
      const quizzes = await quizModule(m.id);
      const all = Object.entries(quizzes);
      expect(all.length).toBeGreaterThan(0);
      for (const [name, questions] of all) {
        expect(questions.length, `${name} has questions`).toBeGreaterThanOrEqual(3);
        const ids = questions.map((q) => q.id);
        expect(new Set(ids).size, `${name}: question ids are unique`).toBe(ids.length);
        for (const q of questions) {
          const where = `${m.id}/${name}/${q.id}`;
          expect(q.options.length, `${where}: at least two options`).toBeGreaterThanOrEqual(2);
          const right = correctIndices(q);
          expect(right.length, `${where}: at least one correct option`).toBeGreaterThanOrEqual(1);
          if (!q.multiple) expect(right.length, `${where}: single choice has exactly one correct option`).toBe(1);
          for (const [i, o] of q.options.entries()) {
            const says = o.explanation.startsWith('Correct') ? true : o.explanation.startsWith('Not quite') ? false : null;
            expect(says, `${where} option ${i}: explanation must start with "Correct" or "Not quite"`).not.toBeNull();
            expect(says, `${where} option ${i} ("${o.text}"): explanation disagrees with the correct flag`).toBe(o.correct);
          }
          // The checker the page uses accepts exactly the marked options.
          expect(isRightAnswer(q, right)).toBe(true);
          const wrong = q.options.findIndex((o) => !o.correct);
          if (wrong >= 0) expect(isRightAnswer(q, [...right, wrong])).toBe(false);
          if (right.length > 1) expect(isRightAnswer(q, right.slice(1))).toBe(false);
        }
      }
    });
  }
});

describe('quizzes in lessons', () => {
  const lessons = lessonFiles();

  it('every module shows a quiz in one of its lessons', () => {
    for (const m of courseModules) {
      const withQuiz = lessons.filter((l) => l.folder === m.id && componentUses(l.body, 'Quiz').length > 0);
      expect(withQuiz.length, `module ${m.id} has a quiz`).toBeGreaterThanOrEqual(1);
    }
  });

  it('every <Quiz> names its own lesson and renders questions exported by quiz-data.ts', async () => {
    for (const l of lessons) {
      for (const attrs of componentUses(l.body, 'Quiz')) {
        const lesson = /lesson="([^"]+)"/.exec(attrs)?.[1];
        const data = /questions=\{(\w+)\}/.exec(attrs)?.[1];
        expect(lesson, `${l.file}: <Quiz lesson="…">`).toBe(l.slug);
        expect(data, `${l.file}: <Quiz questions={…}>`).toBeTruthy();
        expect(l.body, `${l.file} imports ${data} from ./quiz-data.ts`).toMatch(
          new RegExp(`import \\{[^}]*\\b${data}\\b[^}]*\\} from '\\./quiz-data\\.ts'`),
        );
        const quizzes = await quizModule(l.folder);
        expect(quizzes[data!], `${l.folder}/quiz-data.ts exports ${data}`).toBeDefined();
      }
    }
  });
});
