import { spawn } from 'node:child_process';
import { appendFileSync, cpSync } from 'node:fs';
import { expect, expectSavedForOffline, pagePaths, searchParts, test } from './fixtures.ts';

// These tests are about the service worker, or run under it: let it install (the config blocks it).
test.use({ serviceWorkers: 'allow' });

test('after one visit, every page and search work with the network gone', async ({
	page,
	context,
}) => {
	await page.goto('');
	await expectSavedForOffline(page);
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
	const { options } = searchParts(page);
	await expect(options.first()).toHaveAttribute('href', /\/health-checks\/(#.*)?$/);
	await options.first().click();
	await expect(page.locator('h1')).toHaveText('Health Check Endpoint Template');
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: 'Offline: pages and search come from this device.' }),
	).toBeVisible();
});

test('llms.txt and llms-full.txt are plain text, and precached for offline use', async ({
	page,
	context,
	request,
}) => {
	for (const file of ['llms.txt', 'llms-full.txt']) {
		const response = await request.get(file);
		expect(response.status(), file).toBe(200);
		expect(response.headers()['content-type'], file).toBe('text/plain; charset=utf-8');
	}
	await page.goto('');
	await expectSavedForOffline(page);
	await context.setOffline(true);
	// Fetched by the page, as a reader's tool would (a text document opened offline would also
	// ask for a favicon, which no site serves offline).
	for (const [file, text] of [
		['llms.txt', '# Production Deployment Cheat Sheet'],
		['llms-full.txt', '### Production notes'],
	] as const) {
		const [response, body] = await Promise.all([
			page.waitForResponse((candidate) => candidate.url().endsWith(`/${file}`)),
			page.evaluate(async (url) => (await fetch(url)).text(), file),
		]);
		expect(response.fromServiceWorker(), file).toBe(true);
		expect(response.headers()['content-type'], file).toBe('text/plain; charset=utf-8');
		expect(body, file).toContain(text);
	}
});

test.describe('addresses the service worker holds no page for', () => {
	test.use({ expectedErrorPage: true });

	test('offline, an unknown address shows the site’s 404 page, with status 404', async ({
		page,
		context,
	}) => {
		await page.goto('');
		await expectSavedForOffline(page);
		await context.setOffline(true);
		for (const path of ['nope/', 'nope', 'gunicorn/nope/?x=1']) {
			const response = await page.goto(path);
			expect(response?.fromServiceWorker(), path).toBe(true);
			expect(response?.status(), path).toBe(404);
			await expect(page.locator('h1'), path).toHaveText('Page not found');
			await expect(page.getByRole('link', { name: 'Gunicorn config' }), path).toBeVisible();
		}
	});

	test('offline, a path without its trailing slash opens the page', async ({
		page,
		context,
		baseURL,
	}) => {
		await page.goto('');
		await expectSavedForOffline(page);
		await context.setOffline(true);
		for (const [path, heading] of [
			['workers', 'Workers Formula'],
			['metrics?type=Gauge', 'Key Production Metrics'],
		] as const) {
			const response = await page.goto(path);
			expect(response?.fromServiceWorker(), path).toBe(true);
			expect(response?.status(), path).toBe(200);
			await expect(page.locator('h1'), path).toHaveText(heading);
			expect(page.url(), path).toBe(new URL(path.replace(/(\?|$)/, '/$1'), baseURL).href);
		}
		await expect(page.getByText('3 of 8 metrics')).toBeVisible();
	});

	// Online, `workers` too goes to the server as before; `astro preview` answers it with a bare
	// error page of its own, whose favicon request (a 404 the guards flag) says nothing about the site.
	for (const path of ['nope/', 'gunicorn/nope/']) {
		test(`online, the server still answers ${path}, which the service worker holds no page for`, async ({
			page,
			request,
		}) => {
			await page.goto('');
			await expectSavedForOffline(page);
			expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
			const direct = await request.get(path);
			const response = await page.goto(path);
			expect(response?.status()).toBe(direct.status());
			expect(page.url()).toBe(direct.url());
			expect(await response?.text()).toBe(await direct.text());
		});
	}
});

test('a page opened with no network says so, even where the browser claims to be online', async ({
	page,
	context,
}) => {
	await page.goto('');
	await expectSavedForOffline(page);
	// Some Chromium builds report `navigator.onLine === true` in a page opened offline; every page
	// from here on does, so only the service worker's own look at the network can tell.
	await context.addInitScript(() =>
		Object.defineProperty(Navigator.prototype, 'onLine', { get: () => true }),
	);
	await context.setOffline(true);
	const response = await page.goto('dockerfile/');
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: 'Offline: pages and search come from this device.' }),
	).toBeVisible();
	await expect(page.locator('h1')).toHaveText('Dockerfile Template (Multi-Stage with uv)');

	// Online again, a page from the precache says nothing about the network.
	await context.setOffline(false);
	await page.goto('sentry/');
	await expect(page.locator('h1')).toHaveText('Sentry Setup');
	// The page asked the worker on load; asking again waits for the worker's look at the network.
	const answer = await page.evaluate(async () => {
		await new Promise((resolve) =>
			document.readyState === 'complete' ? resolve(null) : addEventListener('load', resolve),
		);
		const channel = new MessageChannel();
		const reply = new Promise(
			(resolve) => (channel.port1.onmessage = (event) => resolve(event.data)),
		);
		navigator.serviceWorker.controller?.postMessage({ type: 'PROBE_NETWORK' }, [channel.port2]);
		return reply;
	});
	expect(answer).toEqual({ online: true });
	await expect(page.getByRole('status').filter({ hasText: 'Offline:' })).toBeHidden();
});

test('tabbing through /metrics/, the offline note never hides the focused element', async ({
	page,
	context,
}) => {
	await page.goto('metrics/');
	await expectSavedForOffline(page);
	await context.setOffline(true);
	const note = page
		.getByRole('status')
		.filter({ hasText: 'Offline: pages and search come from this device.' });
	await expect(note).toBeVisible();
	/** How the focused element and the note overlap, or '' when they do not (or the note is out of sight). */
	const overlap = () =>
		page.evaluate(() => {
			const focused = document.activeElement;
			const box = document.querySelector<HTMLElement>('.offline-status');
			if (!focused || focused === document.body || !box || box.contains(focused)) return '';
			const style = getComputedStyle(box);
			if (
				box.hidden ||
				style.display === 'none' ||
				style.visibility === 'hidden' ||
				Number(style.opacity) === 0
			)
				return '';
			const a = focused.getBoundingClientRect();
			const b = box.getBoundingClientRect();
			const hit = a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
			return hit
				? `${focused.tagName.toLowerCase()} “${(focused.textContent || focused.getAttribute('aria-label') || '').trim().slice(0, 40)}”`
				: '';
		});
	const focused: string[] = [];
	for (let press = 0; press < 400; press++) {
		await page.keyboard.press('Tab');
		const label = await page.evaluate(() =>
			document.activeElement === document.body
				? null
				: (document.activeElement?.getAttribute('aria-label') ??
					document.activeElement?.tagName ??
					''),
		);
		if (label === null) break;
		focused.push(label);
		await expect.poll(overlap, { timeout: 1000, message: `focus on ${label}` }).toBe('');
	}
	// The walk reached the table's last rows and went on past them.
	expect(
		focused.filter((label) => label.startsWith('Copy rule for')).length,
	).toBeGreaterThanOrEqual(5);
	expect(focused.length).toBeGreaterThan(40);
	// With focus gone from where it sits, the note is there to read again.
	await expect(note).toBeVisible();
});

test('dismissing the note by keyboard puts focus back where the reader was', async ({ page }) => {
	await page.goto('workers/');
	const note = page.getByRole('status').filter({ hasText: 'Saved for offline use' });
	await expect(note).toBeVisible({ timeout: 20_000 });
	const cpu = page.getByLabel('CPU cores');
	await cpu.focus();
	await page.keyboard.press('Shift+Tab');
	await note.getByRole('button', { name: 'Dismiss' }).focus();
	await page.keyboard.press('Enter');
	await expect(note).toBeHidden();
	await expect(page.locator(':focus')).not.toHaveCount(0);
	expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
});

test('the status says when the network goes away', async ({ page, context }) => {
	await page.goto('workers/');
	await expectSavedForOffline(page);
	await context.setOffline(true);
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: 'Offline: pages and search come from this device.' }),
	).toBeVisible();
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
	await expect(searchParts(page).options.first()).toBeVisible();
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

test('a new version waits for the reader, who can reload into it', async ({
	browser,
}, testInfo) => {
	test.skip(testInfo.project.name !== 'root', 'one build is enough to deploy twice');
	test.setTimeout(90_000);
	// A deploy needs a site that can change under the browser: a copy of the build on its own server.
	const site = testInfo.outputPath('site');
	cpSync(String(testInfo.project.metadata['outDir']), site, { recursive: true });
	const port = Number(process.env['PORT'] ?? 4321) + 20 + testInfo.workerIndex;
	const server = spawn(process.execPath, ['scripts/static-host.ts', site, '/', String(port)], {
		stdio: 'ignore',
	});
	try {
		const page = await browser.newPage();
		const origin = `http://127.0.0.1:${port}`;
		await expect(async () => expect((await fetch(origin)).ok).toBe(true)).toPass({
			timeout: 30_000,
		});
		await page.goto(`${origin}/sentry/`);
		await expectSavedForOffline(page);

		appendFileSync(`${site}/sw.js`, '\n// the next deploy\n');
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const update = page
			.getByRole('status')
			.filter({ hasText: 'A new version of the cheat sheet is ready.' });
		await expect(update).toBeVisible({ timeout: 20_000 });
		const reloaded = page.waitForEvent('load');
		await update.getByRole('button', { name: 'Reload' }).click();
		await reloaded;
		await expect(page.locator('h1')).toHaveText('Sentry Setup');
		expect(
			await page.evaluate(async () =>
				Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
			),
		).toBe(false);
		await page.close();
	} finally {
		server.kill();
	}
});
