/**
 * Screenshots of the built site in both themes, desktop and a 390 px phone, for a person to look
 * at: `npm run screenshots -- /gunicorn/ /` (with `npm run preview` serving the build).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';

const origin = process.env.ORIGIN ?? 'http://127.0.0.1:4321';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
const outDir = 'screenshots';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions);
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
for (const [device, viewport] of Object.entries(viewports)) {
	for (const theme of ['light', 'dark']) {
		const context = await browser.newContext({ viewport, colorScheme: theme as 'light' | 'dark' });
		const page = await context.newPage();
		for (const path of paths) {
			await page.goto(origin + path);
			const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
			await page.screenshot({
				path: `${outDir}/${name}-${device}-${theme}.png`,
				fullPage: process.env.FULL === '1',
			});
		}
		await context.close();
	}
}
await browser.close();
console.log(`Screenshots in ${outDir}/`);
