import { expect, type Page } from '@playwright/test';

export type ThemeName = 'Light' | 'Dark' | 'Contrast';

/**
 * Switches the theme and waits until the page has it. With reduced motion (playwright.config.ts) no colour
 * transition runs, so once the attribute is set the colours a contrast check or screenshot reads are final.
 */
export async function chooseTheme(page: Page, theme: ThemeName): Promise<void> {
  await page.getByRole('button', { name: theme, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
}

export const THEMES: ThemeName[] = ['Light', 'Dark', 'Contrast'];
