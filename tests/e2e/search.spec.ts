import { expect, searchFor, searchParts, test } from './fixtures.ts';
import { firstResultFor } from './search-relevance.ts';

test('every query of the relevance table lists its page first', async ({ page }) => {
	// Fifty searches in one page: a second or less each, more on a busy machine.
	test.setTimeout(120_000);
	await page.goto('');
	const wrong: string[] = [];
	for (const [query, slug] of Object.entries(firstResultFor)) {
		const { options } = await searchFor(page, query);
		const href =
			(await options.count()) > 0 ? await options.first().getAttribute('href') : 'no result';
		if (!new RegExp(`/${slug}/(#.*)?$`).test(href ?? ''))
			wrong.push(`“${query}”: expected /${slug}/ first, got ${href}`);
	}
	expect(wrong, 'queries whose first result is not their page').toEqual([]);
	expect(Object.keys(firstResultFor).length).toBeGreaterThanOrEqual(40);
});

test(
	'a result shows its page, the heading it matched and the match highlighted; code shows as code',
	{ tag: '@subpath' },
	async ({ page }) => {
		await page.goto('');
		let { options } = await searchFor(page, 'RequestLoggingMiddleware');
		const first = options.first();
		// To the heading, and with a text fragment to the very line: the browser scrolls there and marks it.
		await expect(first).toHaveAttribute(
			'href',
			/\/logging\/#request-logging-middleware:~:text=class%20RequestLoggingMiddleware\(BaseHTTPMiddleware\)%3A$/,
		);
		await expect(first).toContainText('structlog Setup Template › Request Logging Middleware');
		await expect(first.locator('code')).toContainText(
			'class RequestLoggingMiddleware(BaseHTTPMiddleware):',
		);
		await expect(first.locator('code mark')).toHaveText('RequestLoggingMiddleware');

		({ options } = await searchFor(page, 'Traffic baseline'));
		await expect(options.first().locator('mark').first()).toHaveText(/traffic/i);
	},
);

test(
	'a line only one template tab shows is labelled with that tab, and the result opens it',
	{ tag: '@subpath' },
	async ({ page }) => {
		const shownCode = (text: string) =>
			page.locator('main .expressive-code pre').filter({ hasText: text });
		await page.goto('dockerfile/');
		// Only the hardened logging setup has this line: the result says so, and its page opens on that tab.
		let { options } = await searchFor(page, 'show_locals');
		await expect(options.first()).toHaveAttribute('href', /\/logging\//);
		await expect(options.first().locator('.result-variant')).toHaveText('Hardened');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/logging\//);
		await expect(shownCode('show_locals')).toBeVisible();
		// Opened at the line, not at the top of the page a screen above it.
		await expect(page.locator('main .ec-line').filter({ hasText: 'show_locals' })).toBeInViewport();
		await expect(page.getByRole('tab', { name: 'Hardened' }).first()).toHaveAttribute(
			'aria-selected',
			'true',
		);

		// With Hardened chosen, a line the hardened Dockerfile changed opens the sheet's tab again.
		({ options } = await searchFor(page, 'uv sync --frozen'));
		await expect(options.first()).toHaveAttribute('href', /\/dockerfile\//);
		await expect(options.first().locator('.result-variant')).toHaveText('Cheat sheet');
		await options.first().click();
		await expect(page).toHaveURL(/\/dockerfile\//);
		await expect(shownCode('uv sync --frozen')).toBeVisible();

		// On the result's own page, which a link to its heading does not reload, the tab switches at once.
		({ options } = await searchFor(page, 'UV_PYTHON_DOWNLOADS'));
		await expect(options.first().locator('.result-variant')).toHaveText('Hardened');
		await page.keyboard.press('Enter');
		await expect(searchParts(page).dialog).toBeHidden();
		await expect(shownCode('UV_PYTHON_DOWNLOADS')).toBeVisible();
		await expect(
			page.locator('main .ec-line').filter({ hasText: 'UV_PYTHON_DOWNLOADS' }),
		).toBeInViewport();

		// A variable Pagefind reads as part of a longer token (`os.getenv("OTEL_…")`) is still found, by its line.
		({ options } = await searchFor(page, 'OTEL_EXPORTER_OTLP_ENDPOINT'));
		await expect(options.first()).toHaveAttribute('href', /\/opentelemetry\//);
		await expect(options.first().locator('.result-variant')).toHaveText('Hardened');

		// A line both tabs show gets no label.
		({ options } = await searchFor(page, 'WORKDIR /app'));
		await expect(options.first().locator('code')).toContainText('WORKDIR /app');
		await expect(options.first().locator('.result-variant')).toHaveCount(0);
	},
);

test(
	'keyboard: ↑/↓ move the active result, Enter opens it, Escape closes and returns focus',
	{ tag: '@subpath' },
	async ({ page }) => {
		await page.goto('dockerfile/');
		const opener = page.getByRole('button', { name: 'Search', exact: true });
		await opener.focus();
		await page.keyboard.press('Enter');
		const { dialog, field, status, options } = searchParts(page);
		await expect(field).toBeFocused();
		await page.keyboard.type('gunicorn');
		// Results come as you type: wait for those of the whole word.
		await expect(status).toContainText('“gunicorn”');
		// As many results as the status line counts, and enough to move through.
		const count = Number(/^(\d+) pages? for/.exec((await status.textContent()) ?? '')?.[1]);
		expect(count).toBeGreaterThan(2);
		await expect(options).toHaveCount(count);
		// The first result is active: Enter would open it.
		await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
		await page.keyboard.press('ArrowDown');
		await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
		await expect(field).toHaveAttribute(
			'aria-activedescendant',
			(await options.nth(1).getAttribute('id')) ?? '',
		);
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		await expect(options.last()).toHaveAttribute('aria-selected', 'true');
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(opener).toBeFocused();

		await page.keyboard.press('Enter');
		await expect(field).toHaveValue('gunicorn');
		await page.keyboard.press('ArrowDown');
		const second = await options.nth(1).getAttribute('href');
		await page.keyboard.press('Enter');
		// The browser keeps the text fragment (`:~:text=`) out of the address it shows.
		await expect(page).toHaveURL((second ?? '').replace(/:~:.*$/, '').replace(/#$/, ''));
	},
);

test('Ctrl+Enter opens the active result in a new tab and leaves search open', async ({
	page,
	context,
}) => {
	await page.goto('');
	const { dialog, options } = await searchFor(page, 'tracemalloc');
	await expect(options.first()).toHaveAttribute('aria-selected', 'true');
	const [tab] = await Promise.all([
		context.waitForEvent('page'),
		page.keyboard.press('Control+Enter'),
	]);
	await tab.waitForLoadState();
	await expect(tab.locator('h1')).toHaveText('Quick Commands');
	await expect(dialog).toBeVisible();
});

test('Ctrl+K opens search and closes it again', async ({ page }) => {
	await page.goto('workers/');
	const { dialog, field } = searchParts(page);
	await page.keyboard.press('Control+k');
	await expect(field).toBeFocused();
	await page.keyboard.press('Control+k');
	await expect(dialog).toBeHidden();
});

test('/ opens search, except while typing in a field', async ({ page }) => {
	await page.goto('metrics/');
	const filter = page.getByLabel('Filter metrics');
	await filter.focus();
	await page.keyboard.type('a/b');
	await expect(filter).toHaveValue('a/b');
	const { dialog, field, options } = searchParts(page);
	await expect(dialog).toBeHidden();

	await page.locator('h1').click();
	await page.keyboard.press('/');
	await expect(field).toBeFocused();
	await page.keyboard.type('healthz');
	await expect(options.first()).toHaveAttribute('href', /\/health-checks\/(#.*)?$/);
});

test(
	'?q= on any page opens search with the term and its results',
	{ tag: '@subpath' },
	async ({ page }) => {
		await page.goto('workers/?q=traces_sample_rate');
		const { dialog, field, options } = searchParts(page);
		await expect(field).toHaveValue('traces_sample_rate');
		await expect(options.first()).toHaveAttribute('href', /\/sentry\/(#.*)?$/);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(page.locator('h1')).toHaveText('Workers Formula');
	},
);

test('a typo is corrected and says so', async ({ page }) => {
	await page.goto('');
	const { status, options } = await searchFor(page, 'gunicron');
	await expect(status).toHaveText(/for “gunicorn” \(corrected from “gunicron”\)/);
	await expect(options.first()).toHaveAttribute('href', /\/gunicorn\/(#.*)?$/);
});

test('no match says so and offers the closest words and every section', async ({ page }) => {
	await page.goto('');
	// Two letters off: too far to correct, close enough to offer.
	const { dialog, status, options } = await searchFor(page, 'helthzz');
	await expect(status).toHaveText('No results for “helthzz”.');
	await expect(options).toHaveCount(0);
	await dialog.getByRole('button', { name: 'healthz' }).click();
	await expect(status).toContainText('for “healthz”');
	await expect(options.first()).toHaveAttribute('href', /\/health-checks\/(#.*)?$/);

	await searchFor(page, 'qqqqzzzz');
	await dialog.getByRole('link', { name: 'Workers Formula' }).click();
	await expect(page.locator('h1')).toHaveText('Workers Formula');
});

test('words the sheet does not hold find nothing, not a page for their first letters', async ({
	page,
}) => {
	await page.goto('');
	for (const query of ['trafficsum', 'sizemax', 'appbind']) {
		const { status, options } = await searchFor(page, query);
		await expect(status).toHaveText(`No results for “${query}”.`);
		await expect(options).toHaveCount(0);
	}
	// Every page once ended in the offline note's “Reload”: now only the pages about preload_app, as a correction.
	const { status, options } = await searchFor(page, 'reload');
	await expect(status).toHaveText(/^\d+ pages? for “preload” \(corrected from “reload”\)\.$/);
	const count = Number(/^(\d+)/.exec((await status.textContent()) ?? '')?.[1]);
	expect(count).toBeLessThan(4);
	await expect(options).toHaveCount(count);
	for (const option of await options.all()) await expect(option).toContainText(/preload/i);
});

test('recent searches show when the box is empty, and run again when chosen', async ({ page }) => {
	await page.goto('');
	let { options } = await searchFor(page, 'alpine');
	await options.first().click();
	await expect(page.locator('h1')).toHaveText('Docker Base Image Decision');
	await page.keyboard.press('Control+k');
	const parts = searchParts(page);
	await parts.field.fill('');
	const recent = parts.dialog.getByRole('group', { name: 'Recent searches' }).getByRole('option');
	await expect(recent).toHaveText(['alpine']);
	await page.keyboard.press('Enter');
	await expect(parts.field).toHaveValue('alpine');
	({ options } = parts);
	await expect(options.first()).toHaveAttribute('href', /\/base-images\/(#.*)?$/);
});

test('recent searches survive bad stored data', async ({ page }) => {
	await page.goto('');
	await page.evaluate(() => localStorage.setItem('cheat-sheet:recent-searches:v1', '{not json'));
	await page.reload();
	const { options } = await searchFor(page, 'p99');
	await expect(options.first()).toHaveAttribute('href', /\/metrics\/(#.*)?$/);
});

const oddQueries = [
	'.*',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'q'.repeat(500),
	'🚀🔥🐍',
	'!!! ??? ...',
	'"unclosed',
	'a',
];
for (const query of oddQueries) {
	test(`an odd query (${query.slice(0, 20)}) stays calm`, async ({ page }) => {
		await page.goto(`?q=${encodeURIComponent(query)}`);
		const { dialog, field, status } = searchParts(page);
		await expect(field).toHaveValue(query.slice(0, 200));
		await expect(status).toContainText(/No results for|pages? (for|with some of the words of) “/);
		await expect(dialog.locator('img, script')).toHaveCount(0);
		await expect(page.locator('script:not([src])', { hasText: 'alert(1)' })).toHaveCount(0);
	});
}
