import { expect, test } from './fixtures.ts';

// Each term and the page that holds it: searching must list that page first.
const expectations: Record<string, string> = {
	WEB_CONCURRENCY: 'gunicorn',
	healthz: 'health-checks',
	UvicornWorker: 'gunicorn',
	max_requests_jitter: 'gunicorn',
	OTLPSpanExporter: 'opentelemetry',
	alpine: 'base-images',
	rollout: 'quick-commands',
	ProcessorFormatter: 'logging',
	traces_sample_rate: 'sentry',
	db_pool_active_connections: 'metrics',
};

for (const [term, slug] of Object.entries(expectations)) {
	test(`searching “${term}” lists /${slug}/ first`, async ({ page }) => {
		await page.goto('');
		await page.getByRole('button', { name: 'Search' }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('textbox', { name: 'Search' }).fill(term);
		const first = dialog.locator('.pagefind-ui__result').first();
		await expect(first.locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', new RegExp(`/${slug}/$`));
		await first.locator('.pagefind-ui__result-link').first().click();
		await expect(page).toHaveURL(new RegExp(`/${slug}/$`));
	});
}

test('Ctrl+K opens search and Escape closes it', async ({ page }) => {
	await page.goto('workers/');
	// Pagefind's UI loads when the browser is idle; the shortcut focuses its field once it exists.
	await page.locator('.pagefind-ui__search-input').waitFor({ state: 'attached' });
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('textbox', { name: 'Search' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
});
