import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { MAX_EVENT_SIZE_TEXT } from '../../src/eventbridge/limits.ts';

/** Ticks one option of a question, presses Check and returns the feedback line. */
async function answer(question: Locator, label: string): Promise<Locator> {
  await question.getByLabel(label).check();
  await question.getByRole('button', { name: 'Check' }).click();
  return question.locator('.ebc-quiz-feedback');
}

test('a quiz answered wrongly, then rightly, gives the right feedback and remembers the result', async ({ page }) => {
  await page.goto('/soa-and-esb/events-and-eventbridge/');
  const question = page.locator('ebc-quiz-question[data-question="esb-words"]');
  const feedback = question.locator('.ebc-quiz-feedback');
  await expect(feedback).toHaveAttribute('role', 'status');

  // Nothing chosen yet.
  await question.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Choose an answer first');

  // Wrong answer: feedback and the explanation of the chosen option.
  await question.getByLabel('A vehicle that carries many passengers at once').check();
  await question.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Not quite.');
  // A single-choice question has one right option: nothing can be "missing".
  await expect(feedback).not.toContainText('missing');
  await expect(question.locator('.ebc-quiz-why[data-option="0"]')).toBeVisible();
  await expect(question.locator('.ebc-quiz-why[data-option="0"]')).toContainText('hardware');

  // Right answer.
  await question.getByLabel('The hardware element of a computer that carries signals between components').check();
  await question.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Correct!');
  await expect(question.locator('.ebc-quiz-why[data-option="0"]')).toBeHidden();

  const saved = await page.evaluate(() => localStorage.getItem('ebc:quiz:soa-and-esb/events-and-eventbridge:esb-words'));
  expect(JSON.parse(saved ?? '{}')).toMatchObject({ correct: true, chosen: [1] });

  // After a reload the result is shown again.
  await page.reload();
  await expect(question.locator('.ebc-quiz-feedback')).toContainText('Answered correctly earlier');
  await expect(question.getByLabel('The hardware element of a computer that carries signals between components')).toBeChecked();
});

test('a multiple-choice question needs every right option', async ({ page }) => {
  await page.goto('/soa-and-esb/events-and-eventbridge/');
  const question = page.locator('ebc-quiz-question[data-question="event-definition"]');
  await expect(await answer(question, 'OrderPlaced')).toContainText('One right option is missing');
  await expect(await answer(question, 'CourierAssigned')).toContainText('Correct!');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('questions, options and answers are readable', async ({ page }) => {
    await page.goto('/soa-and-esb/events-and-eventbridge/');
    const question = page.locator('ebc-quiz-question[data-question="esb-words"]');
    await expect(question.locator('legend')).toContainText('what does the word "bus" refer to');
    await expect(question.getByRole('radio')).toHaveCount(3);
    await expect(question.getByRole('button', { name: 'Check' })).toBeHidden();
    await question.locator('summary').click();
    await expect(question.locator('details')).toContainText('Right: The hardware element');
  });
});

test('the PutEvents question takes its limit from the engine, and explains 256 KB as the old limit', async ({ page }) => {
  await page.goto('/eventbridge/delivery-archives-schemas/');
  const question = page.locator('ebc-quiz-question[data-question="putevents-limits"]');
  await expect(await answer(question, 'Up to 10 entries, each at most 256 KB')).toContainText('Not quite.');
  await expect(question.locator('.ebc-quiz-why:visible')).toContainText('2026-01-29');
  await expect(await answer(question, `Up to 10 entries, each at most ${MAX_EVENT_SIZE_TEXT}`)).toContainText('Correct!');
});
