import { sections } from '../../src/data/sections.ts';
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
	// Code as engineers type it.
	'/readyz': 'health-checks',
	'--frozen': 'dockerfile',
	'python:3.12-slim': 'base-images',
	'uvicorn.workers.UvicornWorker': 'gunicorn',
	'x-request-id': 'logging',
	p99: 'metrics',
	// Section titles and headings.
	...Object.fromEntries(sections.map((section) => [section.heading, section.slug])),
	'Request Logging Middleware': 'logging',
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

test('/ opens search, except while typing in a field', async ({ page }) => {
	await page.goto('metrics/');
	await page.locator('.pagefind-ui__search-input').waitFor({ state: 'attached' });
	const filter = page.getByLabel('Filter metrics');
	await filter.focus();
	await page.keyboard.type('a/b');
	await expect(filter).toHaveValue('a/b');
	await expect(page.getByRole('dialog')).toBeHidden();

	await page.locator('h1').click();
	await page.keyboard.press('/');
	await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Search' })).toBeFocused();
	await page.keyboard.type('healthz');
	await expect(page.getByRole('dialog').locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', /\/health-checks\/$/);
});

test('?q= on any page opens search with the term and its results', async ({ page }) => {
	await page.goto('workers/?q=traces_sample_rate');
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('textbox', { name: 'Search' })).toHaveValue('traces_sample_rate');
	await expect(dialog.locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', /\/sentry\/$/);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(page.locator('h1')).toHaveText('Workers Formula');
});

const oddQueries = ['.*', '<script>alert(1)</script>', 'q'.repeat(500), '🚀🔥🐍', '!!! ??? ...'];
for (const query of oddQueries) {
	test(`an odd query (${query.slice(0, 20)}) shows a calm empty state`, async ({ page }) => {
		await page.goto(`?q=${encodeURIComponent(query)}`);
		const dialog = page.getByRole('dialog');
		await expect(dialog.locator('.pagefind-ui__message')).toHaveText(/^No results for /);
		await expect(dialog.locator('.pagefind-ui__result')).toHaveCount(0);
		await expect(page.locator('script:not([src])', { hasText: 'alert(1)' })).toHaveCount(0);
	});
}
