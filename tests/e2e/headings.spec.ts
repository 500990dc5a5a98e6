import { expect, pagePaths, test } from './fixtures.ts';

/** Every heading of the page in document order, as its level (1–6) and text. */
const outline = (page: import('@playwright/test').Page) =>
	page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) =>
		headings.map((heading) => ({
			level: Number(heading.tagName[1]),
			text: (heading.textContent ?? '').trim(),
		})),
	);

for (const path of pagePaths) {
	test(`/${path} has one h1 and no skipped heading level`, async ({ page }) => {
		await page.goto(path);
		const headings = await outline(page);
		expect(headings.filter((heading) => heading.level === 1)).toHaveLength(1);
		// Starlight's "On this page" (h2) may come before the title in the document: only a step
		// down by more than one level is a gap.
		let previous = 1;
		for (const heading of headings) {
			expect(
				heading.level,
				`“${heading.text}” (h${heading.level}) after an h${previous}`,
			).toBeLessThanOrEqual(previous + 1);
			previous = heading.level;
		}
	});
}

test('the whole sheet nests each section’s own headings under the section’s h2', async ({
	page,
}) => {
	await page.goto('all/');
	const headings = await outline(page);
	const levelOf = (text: string) =>
		headings.filter((heading) => heading.text === text).map((heading) => heading.level);
	expect(levelOf('structlog Setup Template')).toEqual([2]);
	expect(levelOf('Request Logging Middleware')).toEqual([3]);
	expect(levelOf('Key Production Metrics')).toEqual([2]);
	expect(levelOf('Alert thresholds')).toEqual([3]);
	expect(levelOf('PromQL behind each threshold')).toEqual([3]);
	expect(levelOf('Metric names these queries assume')).toEqual([3]);
	expect(levelOf('Which one for you?')).toEqual([3]);
	expect(levelOf('Calculate for your service')).toEqual([3]);
});

test('a section’s own page keeps its sub-headings at h2', async ({ page }) => {
	for (const [path, text] of [
		['logging/', 'Request Logging Middleware'],
		['metrics/', 'Alert thresholds'],
		['metrics/', 'Metric names these queries assume'],
		['base-images/', 'Which one for you?'],
		['workers/', 'Calculate for your service'],
	] as const) {
		await page.goto(path);
		await expect(page.locator('main h2', { hasText: text })).toBeVisible();
	}
});
