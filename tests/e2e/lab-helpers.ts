// Shared steps for the lab page tests.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Opens a lab with the plain textareas (the editor is tested on its own). */
export async function openLab(page: Page, id: string, editor: 'plain' | 'monaco' = 'plain'): Promise<void> {
  await page.goto(`/labs/${id}/${editor === 'plain' ? '?editor=plain' : ''}`);
  await expect(page.locator('lab-workspace')).toBeVisible();
}

export function fileTab(page: Page, path: string) {
  return page.getByRole('tab', { name: new RegExp(`^${path.replace(/\./g, '\\.')}`) });
}

export function fileBox(page: Page, path: string) {
  return page.locator(`textarea.lab-textarea[data-file="${path}"]`);
}

export async function setFile(page: Page, path: string, text: string): Promise<void> {
  await fileTab(page, path).click();
  await fileBox(page, path).fill(text);
}

export async function check(page: Page) {
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.locator('.lab-results-summary')).toHaveText(/checks passed|could not run/, { timeout: 20_000 });
}

export function result(page: Page, title: string | RegExp) {
  return page.locator('.lab-result', { hasText: title });
}
