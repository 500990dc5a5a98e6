import { expect, pagePaths, test } from './fixtures.ts';

test('after one visit, every page and search work with the network gone', async ({ page, context }) => {
	await page.goto('');
	await expect(page.getByRole('status').filter({ hasText: 'Saved for offline use' })).toBeVisible({ timeout: 20_000 });
	const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
	expect(new URL(scope).pathname).toBe(new URL(page.url()).pathname);

	await context.setOffline(true);
	for (const path of pagePaths) {
		const response = await page.goto(path);
		expect(response?.fromServiceWorker(), path).toBe(true);
		await expect(page.locator('h1').first()).toBeVisible();
	}
	await page.goto('metrics/?type=Gauge');
	await expect(page.getByText('3 of 8 metrics')).toBeVisible();

	await page.goto('gunicorn/?q=healthz');
	const dialog = page.getByRole('dialog');
	await expect(dialog.locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', /\/health-checks\/$/);
	await dialog.locator('.pagefind-ui__result-link').first().click();
	await expect(page.locator('h1')).toHaveText('Health Check Endpoint Template');
	await expect(page.getByRole('status').filter({ hasText: 'Offline: pages and search come from this device.' })).toBeVisible();
});

test('the status says when the network goes away', async ({ page, context }) => {
	await page.goto('workers/');
	await expect(page.getByRole('status').filter({ hasText: 'Saved for offline use' })).toBeVisible({ timeout: 20_000 });
	await context.setOffline(true);
	await expect(page.getByRole('status').filter({ hasText: 'Offline: pages and search come from this device.' })).toBeVisible();
	await context.setOffline(false);
	await expect(page.getByRole('status').filter({ hasText: 'Offline:' })).toBeHidden();
});

test('every request of every page stays on the origin', async ({ page, baseURL }) => {
	const origins = new Set<string>();
	page.on('request', (request) => origins.add(new URL(request.url()).origin));
	for (const path of pagePaths) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
	}
	await page.goto('?q=alpine');
	await expect(page.getByRole('dialog').locator('.pagefind-ui__result').first()).toBeVisible();
	expect([...origins]).toEqual([new URL(baseURL ?? '').origin]);
});

test('the web app manifest and its icons load from the site', async ({ page, request }) => {
	await page.goto('');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifestUrl = new URL(href ?? '', page.url());
	const manifest = await (await request.get(manifestUrl.href)).json();
	expect(manifest.name).toBe('Production Deployment Cheat Sheet');
	for (const icon of manifest.icons as Array<{ src: string }>) {
		const response = await request.get(new URL(icon.src, manifestUrl).href);
		expect(response.status(), icon.src).toBe(200);
	}
	expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL('./', manifestUrl).href);
});
