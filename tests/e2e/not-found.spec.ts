import { sections } from '#data/sections.ts';
import { expect, searchFor, test } from './fixtures.ts';

test.use({ expectedErrorPage: true });

test('an unknown address answers 404 and offers search and every section', async ({ page }) => {
	const response = await page.goto('no-such-page/');
	expect(response?.status()).toBe(404);
	await expect(page.locator('h1')).toHaveText('Page not found');
	for (const section of sections)
		await expect(
			page.getByRole('link', { name: section.label, exact: false }).first(),
		).toBeVisible();

	await page.getByRole('button', { name: 'Search the cheat sheet' }).click();
	const { options } = await searchFor(page, 'healthz');
	await expect(options.first()).toHaveAttribute('href', /\/health-checks\/(#.*)?$/);
});

test('on a 390 px phone the 404 page has the theme switch', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('no-such-page/');
	const select = page.locator('starlight-theme-select select').filter({ visible: true });
	await expect(select).toHaveCount(1);
	await select.selectOption('dark');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
