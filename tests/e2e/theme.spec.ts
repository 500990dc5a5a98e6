import { expect, test } from './fixtures.ts';

test('the theme select switches themes and the choice survives a reload', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('metrics/');
	const html = page.locator('html');
	await expect(html).toHaveAttribute('data-theme', 'light');
	const select = page.locator('starlight-theme-select select').first();
	await select.selectOption('dark');
	await expect(html).toHaveAttribute('data-theme', 'dark');
	const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const dark = await background();

	await page.reload();
	await expect(html).toHaveAttribute('data-theme', 'dark');
	await expect(select).toHaveValue('dark');
	expect(await background()).toBe(dark);

	await select.selectOption('light');
	await expect(html).toHaveAttribute('data-theme', 'light');
	expect(await background()).not.toBe(dark);
});
