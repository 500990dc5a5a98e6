import { expect, test } from './fixtures.ts';

test(
	'the theme select switches themes and the choice survives a reload',
	{ tag: '@subpath' },
	async ({ page }) => {
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
	},
);

test.describe('on a 390 px phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	for (const path of ['', 'gunicorn/', 'all/']) {
		test(`the theme switch of /${path} can be reached and used`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: 'light' });
			await page.goto(path);
			const select = page.locator('starlight-theme-select select').filter({ visible: true });
			// Where the header has no room for it, the menu holds it.
			if ((await select.count()) === 0) await page.getByRole('button', { name: 'Menu' }).click();
			await expect(select).toHaveCount(1);
			await select.selectOption('dark');
			await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		});
	}
});
