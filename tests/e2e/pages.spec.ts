import { sections } from '#data/sections.ts';
import { expect, pagePaths, test } from './fixtures.ts';

for (const path of pagePaths) {
	test.describe(`/${path}`, () => {
		test('answers 200 with its title, search and sidebar', async ({ page }) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1').first()).toBeVisible();
			await expect(page.getByRole('button', { name: 'Search', exact: true })).toBeEnabled();
			await expect(page).toHaveTitle(/Production Deployment Cheat Sheet/);
		});

		test('fits a 390 px phone without sideways scrolling', async ({ page }) => {
			await page.setViewportSize({ width: 390, height: 844 });
			await page.goto(path);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
			expect(overflow).toBe(0);
		});
	});
}

test('the sidebar reaches every section, grouped', async ({ page }) => {
	await page.goto('gunicorn/');
	const sidebar = page.locator('#starlight__sidebar');
	for (const group of ['Templates', 'Observability', 'Reference'])
		await expect(sidebar.getByText(group, { exact: true })).toBeVisible();
	await sidebar.getByRole('link', { name: 'Workers formula' }).click();
	await expect(page).toHaveURL(/\/workers\/$/);
	await expect(page.locator('h1')).toHaveText('Workers Formula');
	await expect(sidebar.getByRole('link', { name: 'Workers formula' })).toHaveAttribute(
		'aria-current',
		'page',
	);
});

test('the home page leads to the whole sheet on one page', async ({ page }) => {
	await page.goto('');
	await page
		.locator('main')
		.getByRole('link', { name: /whole sheet/i })
		.first()
		.click();
	await expect(page).toHaveURL(/\/all\/$/);
	await expect(page.locator('h1')).toHaveText('The Whole Cheat Sheet');
});

test('without SITE_URL, no page names a host: no canonical link, no sitemap', async ({
	page,
	request,
}) => {
	test.skip(
		Boolean(process.env['SITE_URL']),
		'the suite tests the builds of `npm run build`, made without SITE_URL',
	);
	for (const path of pagePaths) {
		await page.goto(path);
		await expect(
			page.locator('link[rel="canonical"], link[rel="sitemap"], meta[property="og:url"]'),
			path,
		).toHaveCount(0);
		expect(await page.content()).not.toContain('example.com');
	}
	expect((await request.get('sitemap-index.xml')).status()).toBe(404);
});

test('the home page links every section with a summary', async ({ page }) => {
	await page.goto('');
	await expect(page.locator('h1')).toHaveText('Production Deployment Cheat Sheet');
	await expect(
		page.getByText("Copy-paste templates and quick-reference tables. Scan, don't read."),
	).toBeVisible();
	const cards = page.locator('main .sl-link-card');
	await expect(cards).toHaveCount(sections.length);
	for (const [index, section] of sections.entries()) {
		await expect(cards.nth(index).getByRole('link', { name: section.label })).toBeVisible();
		await expect(cards.nth(index).locator('.description')).toHaveText(section.summary);
	}
	await cards.getByRole('link', { name: 'Health checks' }).click();
	await expect(page.locator('h1')).toHaveText('Health Check Endpoint Template');
});
