/**
 * The Hardened variants: a tab beside each sheet template, "Cheat sheet" shown first; the choice
 * holds across pages and a reload; the hardened code marks its new lines, says what it was verified
 * with, and copies and downloads its own text filled with the reader's settings. Checks are grouped
 * per page to keep the suite fast.
 */
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { insertedLines } from '#lib/templates/line-diff.ts';
import { fillTemplate } from '#lib/settings/fill.ts';
import { defaultSettings, type SettingValues } from '#lib/settings/rules.ts';
import { snippetText } from '#lib/templates/snippet.ts';
import { expect, pasted, test } from './fixtures.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const fileText = (file: string) =>
	snippetText(readFileSync(new URL(`../../src/snippets/${file}`, import.meta.url), 'utf8'));
const shownCode = (frame: Locator) =>
	frame
		.locator('pre .ec-line')
		.evaluateAll((lines) =>
			lines.map((line) => (line.textContent ?? '').replace(/\n$/, '')).join('\n'),
		);

test('the Hardened tab shows the hardened template with its new lines marked, and the choice holds across pages and a reload', async ({
	page,
}) => {
	await page.goto('dockerfile/');
	const sheetTab = page.getByRole('tab', { name: 'Cheat sheet' });
	const hardenedTab = page.getByRole('tab', { name: 'Hardened' });
	await expect(sheetTab).toHaveAttribute('aria-selected', 'true');
	const hardened = page.locator('.template[data-snippet="hardened/Dockerfile"]');
	await expect(hardened).toBeHidden();

	await hardenedTab.click();
	await expect(hardenedTab).toHaveAttribute('aria-selected', 'true');
	await expect(hardened).toBeVisible();
	await expect(page.locator('.template[data-snippet="Dockerfile"]')).toBeHidden();
	expect(await shownCode(hardened.locator('figure'))).toBe(fileText('hardened/Dockerfile'));
	// Exactly the lines the diff finds new are marked, and only in the hardened variant.
	const marked = await hardened
		.locator('.ec-line')
		.evaluateAll((lines) =>
			lines.flatMap((line, index) => (line.classList.contains('ins') ? [index + 1] : [])),
		);
	expect(marked).toEqual(insertedLines(fileText('Dockerfile'), fileText('hardened/Dockerfile')));
	await expect(page.locator('.template[data-snippet="Dockerfile"] .ec-line.ins')).toHaveCount(0);
	// The versions of the template smoke run's root; the Dockerfile itself is not built there.
	await expect(
		page.getByText(
			/^Parsed, not run, on Debian unstable, Python 3\.\d+\.\d+, which has gunicorn \d+\.\d+\.\d+; uv \d+\.\d+\.\d+ \(pinned\): not run here\.$/,
		),
	).toBeVisible();
	await expect(
		hardened.getByRole('button', { name: 'Download Dockerfile (hardened)' }),
	).toBeVisible();
	// The added .dockerignore stands on its own, outside the tabs.
	await expect(page.locator('.template[data-snippet="added/.dockerignore"]')).toBeVisible();

	// Another page opens on the Hardened tab, and so does a reload.
	await page.goto('logging/');
	await expect(page.getByRole('tab', { name: 'Hardened' })).toHaveCount(2);
	for (const tab of await page.getByRole('tab', { name: 'Hardened' }).all())
		await expect(tab).toHaveAttribute('aria-selected', 'true');
	await expect(
		page.locator('.template[data-snippet="hardened/request_logging_middleware.py"]'),
	).toBeVisible();
	await page.reload();
	await expect(page.locator('.template[data-snippet="hardened/logging_config.py"]')).toBeVisible();
	await expect(page.locator('.template[data-snippet="logging_config.py"]')).toBeHidden();

	// Back to the sheet: every tab set on the page follows, and the next page too.
	await page.getByRole('tab', { name: 'Cheat sheet' }).first().click();
	await expect(
		page.locator('.template[data-snippet="request_logging_middleware.py"]'),
	).toBeVisible();
	await page.goto('dockerfile/');
	await expect(page.locator('.template[data-snippet="Dockerfile"]')).toBeVisible();
});

test('a hardened template and an added one copy and download their own text, filled with the reader’s settings', async ({
	page,
}) => {
	const mine: SettingValues = {
		...defaultSettings,
		port: '9100',
		python: '3.13',
		app: 'svc.api:create',
		service: 'orders',
		version: '2.3.1',
		deployment: 'orders-api',
	};
	await page.goto(
		'health-checks/?port=9100&python=3.13&app=svc.api:create&service=orders&version=2.3.1&deployment=orders-api',
	);
	await page.getByRole('tab', { name: 'Hardened' }).click();
	await page.goto('dockerfile/');

	const template = page.locator('.template[data-snippet="hardened/Dockerfile"]');
	const frame = template.locator('figure');
	const expected = fillTemplate('hardened/Dockerfile', fileText('hardened/Dockerfile'), mine);
	await expect.poll(() => shownCode(frame)).toBe(expected);
	await expect(template.locator('.setting-value.changed[data-setting="port"]')).toHaveCount(2);
	await frame.hover();
	await frame.getByRole('button', { name: 'Copy to clipboard' }).click();
	await pasted(page).toBe(expected);
	const downloading = page.waitForEvent('download');
	await template.getByRole('button', { name: 'Download Dockerfile (hardened)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('Dockerfile');
	expect(readFileSync(await download.path(), 'utf8')).toBe(`${expected}\n`);

	// The Kubernetes probes take the deployment, image and port too.
	await page.goto('health-checks/');
	const probes = page.locator('.template[data-snippet="added/deployment.yaml"]');
	const filledProbes = fillTemplate(
		'added/deployment.yaml',
		fileText('added/deployment.yaml'),
		mine,
	);
	await expect.poll(() => shownCode(probes.locator('figure'))).toBe(filledProbes);
	expect(filledProbes).toContain('image: orders:2.3.1');
	const saving = page.waitForEvent('download');
	await probes.getByRole('button', { name: 'Download deployment.yaml' }).click();
	expect(readFileSync(await (await saving).path(), 'utf8')).toBe(`${filledProbes}\n`);
});
