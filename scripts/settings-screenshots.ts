/**
 * Screenshots of the live templates for a person to look at: a template page filled with the
 * reader's values (via a share link) and the settings dialog open, in error, in both themes at
 * 1280 px and 390 px. `node scripts/settings-screenshots.ts` with a build served at ORIGIN.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';

const origin = process.env.ORIGIN ?? 'http://127.0.0.1:4321';
const outDir = process.env.OUT ?? 'screenshots';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions);
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
for (const [device, viewport] of Object.entries(viewports)) {
	for (const theme of ['light', 'dark'] as const) {
		const context = await browser.newContext({ viewport, colorScheme: theme });
		const page = await context.newPage();
		await page.goto(
			`${origin}/dockerfile/?service=orders&port=9000&python=3.13&app=svc.api:create`,
		);
		await page.locator('.setting-value.changed').first().waitFor();
		await page.locator('.template').first().scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${outDir}/filled-dockerfile-${device}-${theme}.png` });
		await page.getByRole('button', { name: 'Dismiss notice' }).click();
		const panel = page.locator('details.template-settings');
		await panel.locator('summary').click();
		await panel.getByLabel('Port', { exact: true }).fill('0');
		await panel.scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${outDir}/panel-dockerfile-${device}-${theme}.png` });
		await panel.getByLabel('Port', { exact: true }).fill('9000');
		await page.getByRole('button', { name: 'Your service' }).click();
		await page.getByRole('dialog').getByLabel('Port', { exact: true }).fill('70000');
		await page.screenshot({ path: `${outDir}/settings-dialog-${device}-${theme}.png` });
		await context.close();
	}
}
await browser.close();
console.log(`Screenshots in ${outDir}/`);
