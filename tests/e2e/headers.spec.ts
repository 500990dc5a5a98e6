import { readFileSync } from 'node:fs';
import { headersFor, parseHeadersFile } from '../../src/lib/headers-file.ts';
import { expect, pagePaths, pasted, test } from './fixtures.ts';

const rules = parseHeadersFile(readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8'));

// Routed responses bypass a service worker only when there is none.
test.use({ serviceWorkers: 'block', permissions: ['clipboard-read', 'clipboard-write'] });

test('the site works under the Content-Security-Policy and headers of public/_headers', async ({ page, baseURL }) => {
	test.skip(new URL(baseURL ?? '').pathname !== '/', '_headers paths are written for a site at the root of its host');
	await page.route('**/*', async (route) => {
		const response = await route.fetch();
		const path = new URL(route.request().url()).pathname;
		await route.fulfill({ response, headers: { ...response.headers(), ...headersFor(rules, path) } });
	});
	for (const path of pagePaths) {
		const response = await page.goto(path);
		expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
		await expect(page.locator('h1').first()).toBeVisible();
	}
	await page.goto('gunicorn/?q=OTLPSpanExporter');
	await expect(page.getByRole('dialog').locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', /\/opentelemetry\/$/);
	await page.keyboard.press('Escape');
	await page.getByRole('button', { name: 'Copy to clipboard' }).click();
	await pasted(page).toContain('max_requests_jitter = 100');
	await page.goto('metrics/');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download prometheus-rules.yml' }).click();
	expect((await download).suggestedFilename()).toBe('prometheus-rules.yml');
	expect(readFileSync(await (await download).path(), 'utf8')).toMatch(/^groups:\n/);
});
