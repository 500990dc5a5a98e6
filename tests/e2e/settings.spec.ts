/**
 * Issue 10: the reader's service details fill every template on every page, highlighted as
 * before, copied and downloaded with the values; they persist, travel in a share link, reset to
 * the sheet, refuse bad values from the form, storage and the link, never become markup, work
 * from the keyboard, and without JavaScript every page still shows the sheet's templates.
 * Checks are grouped per page to keep the suite fast.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { snippets } from '#data/snippets.ts';
import { fillTemplate, placeRanges } from '#lib/settings/fill.ts';
import { defaultSettings, type SettingValues } from '#lib/settings/rules.ts';
import { SETTINGS_STORAGE_KEY } from '#lib/settings/persistence.ts';
import { snippetText } from '#lib/templates/snippet.ts';
import { expect, pasted, test } from './fixtures.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const sheetText = (file: string) =>
	snippetText(readFileSync(new URL(`../../src/snippets/${file}`, import.meta.url), 'utf8'));
/** Pages with templates, each once, in the sheet's order. */
const templatePages = [...new Set(snippets.map((snippet) => snippet.page))];

const mine: SettingValues = {
	service: 'orders',
	version: '2.3.1-rc.1',
	app: 'svc.api:create',
	port: '9000',
	python: '3.13',
	deployment: 'orders-api',
	logLevel: 'debug',
	sampleRate: '0.25',
};

function settingsParts(page: Page) {
	const dialog = page.getByRole('dialog', { name: 'Your service' });
	return {
		opener: page.getByRole('button', { name: 'Your service' }),
		dialog,
		field: (label: string) => dialog.getByLabel(label, { exact: true }),
	};
}

async function openSettings(page: Page) {
	const parts = settingsParts(page);
	await parts.opener.click();
	await expect(parts.dialog).toBeVisible();
	return parts;
}

/** Types every value into the dialog as a reader does. */
async function fillForm(page: Page, values: SettingValues) {
	const { field } = await openSettings(page);
	await field('Service name').fill(values.service);
	await field('Service version').fill(values.version);
	await field('ASGI app').fill(values.app);
	await field('Port').fill(values.port);
	await field('Python version').selectOption(values.python);
	await field('Kubernetes deployment').fill(values.deployment);
	await field('Log level').selectOption(values.logLevel);
	await field('Sentry traces sample rate').fill(values.sampleRate);
}

/** The code as shown, line by line, as the fidelity tests read it. */
const shownCode = (frame: Locator) =>
	frame
		.locator('pre .ec-line')
		.evaluateAll((lines) =>
			lines.map((line) => (line.textContent ?? '').replace(/\n$/, '')).join('\n'),
		);

/** Every template on the page shows, marks, copies and downloads `values`. */
async function expectTemplatesFilled(page: Page, values: SettingValues) {
	for (const snippet of snippets.filter(
		(entry) => entry.page === new URL(page.url()).pathname.split('/').at(-2),
	)) {
		const template = page.locator(`.template[data-snippet="${snippet.file}"]`);
		const frame = template.locator('figure');
		const expected = fillTemplate(snippet.file, sheetText(snippet.file), values);
		await expect
			.poll(() => shownCode(frame), { message: `${snippet.file} as shown` })
			.toBe(expected);

		// Each changed value is marked, and sits inside its token's coloured span.
		const lines = expected.split('\n');
		for (const [place, range] of placeRanges(snippet.file, values).entries()) {
			const first = template.locator(`.setting-value[data-place="${place}"][data-part="0"]`);
			const changed = values[range.setting] !== defaultSettings[range.setting];
			const coloured = first.locator('span[style]');
			if (changed) {
				await expect(first).toHaveClass(/\bchanged\b/);
				await expect(coloured.first()).toHaveText(
					lines[range.line - 1]?.slice(range.start, range.end) ?? '',
				);
			}
		}

		await frame.hover();
		await frame.getByRole('button', { name: 'Copy to clipboard' }).click();
		await pasted(page).toBe(expected);

		const name = (snippet.title ?? snippet.file).split('/').pop() ?? '';
		const downloading = page.waitForEvent('download');
		await template.getByRole('button', { name: `Download ${name}` }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(name);
		const path = await download.path();
		expect(readFileSync(path, 'utf8')).toBe(`${expected}\n`);
	}
}

test('the reader’s values fill, mark, copy and download every template on every page, and reset restores the sheet', async ({
	page,
}) => {
	test.setTimeout(90_000);
	await page.goto(`${templatePages[0]}/`);
	await fillForm(page, mine);
	await page.keyboard.press('Escape');
	for (const path of templatePages) {
		await page.goto(`${path}/`);
		await expectTemplatesFilled(page, mine);
	}
	// The whole sheet on one page holds every template: each is filled there too.
	await page.goto('all/');
	for (const snippet of snippets) {
		await expect
			.poll(() => shownCode(page.locator(`.template[data-snippet="${snippet.file}"] figure`)), {
				message: `${snippet.file} on /all/`,
			})
			.toBe(fillTemplate(snippet.file, sheetText(snippet.file), mine));
	}
	// Reset: the sheet's text, marks and copy again, and nothing stored.
	const { field, dialog } = await openSettings(page);
	await dialog.getByRole('button', { name: 'Reset to defaults' }).click();
	await expect(field('Port')).toHaveValue('8000');
	await expect(page.locator('.setting-value.changed')).toHaveCount(0);
	await page.keyboard.press('Escape');
	await expectTemplatesFilled(page, defaultSettings);
	expect(await page.evaluate((key) => localStorage.getItem(key), SETTINGS_STORAGE_KEY)).toBeNull();
	await page.goto('gunicorn/');
	await expectTemplatesFilled(page, defaultSettings);
});

test(
	'values persist across a reload, and a share link carries them to a fresh browser',
	{ tag: '@subpath' },
	async ({ page, browser, baseURL }) => {
		await page.goto('gunicorn/');
		const { field, dialog } = await openSettings(page);
		await field('Port').fill('9100');
		await field('Service name').fill('billing');
		await page.reload();
		const values = { ...defaultSettings, port: '9100', service: 'billing' };
		await expectTemplatesFilled(page, values);
		await openSettings(page);
		await expect(field('Port')).toHaveValue('9100');

		await dialog.getByRole('button', { name: 'Copy share link' }).click();
		const link = new URL('gunicorn/?service=billing&port=9100', baseURL).href;
		await pasted(page).toBe(link);

		const other = await browser.newContext();
		const fresh = await other.newPage();
		await fresh.goto(link);
		await expect(
			fresh.getByRole('status').filter({ hasText: 'Settings loaded from the link' }),
		).toBeVisible();
		await expect(
			fresh.locator(
				'.template[data-snippet="gunicorn.conf.py"] .setting-value[data-setting="port"]',
			),
		).toHaveText('9100');
		// The address no longer carries the values: a reload keeps what the reader types next.
		expect(new URL(fresh.url()).search).toBe('');
		await other.close();
	},
);

test(
	'a link’s values win over stored ones, and the notice names what it could not use',
	{ tag: '@subpath' },
	async ({ page }) => {
		await page.goto('dockerfile/');
		await page.evaluate(
			([key]) =>
				localStorage.setItem(
					key ?? '',
					JSON.stringify({ version: 1, values: { port: '7000', service: 'stored' } }),
				),
			[SETTINGS_STORAGE_KEY],
		);
		await page.goto('dockerfile/?port=9000&python=2.7&service=Orders');
		const notice = page.locator('[data-settings-notice]');
		await expect(notice).toContainText('Settings loaded from the link');
		await expect(notice).toContainText('Python version in the link (python)');
		await expect(notice).toContainText('Service name in the link (service)');
		await expect(notice.getByRole('listitem')).toHaveCount(2);
		// The link is the sharer's whole setup: this browser's stored service name does not mix in.
		await expect(notice).toContainText('What it leaves out is the sheet’s default');
		await expectTemplatesFilled(page, { ...defaultSettings, port: '9000' });
		// Reviewing the settings from the notice, then closing them, leaves focus on the header button.
		await notice.getByRole('button', { name: 'Review settings' }).click();
		await expect(page.locator('#settings-dialog')).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page.locator('[data-settings-open]')).toBeFocused();
		await expect(notice).toBeHidden();

		// A link with nothing usable says so and leaves this browser's settings as they were.
		await page.goto('dockerfile/?port=0');
		await expect(notice).toContainText(
			'The link’s settings could not be used, so yours are unchanged',
		);
		await expectTemplatesFilled(page, { ...defaultSettings, port: '9000' });
		await notice.getByRole('button', { name: 'Dismiss notice' }).click();
		await expect(notice).toBeHidden();
	},
);

test('a bad value shows its rule’s message beside its field, and the templates keep the last valid value', async ({
	page,
}) => {
	await page.goto('gunicorn/');
	const { field, dialog } = await openSettings(page);
	await field('Port').fill('9001');
	await field('Port').fill('70000');
	await expect(field('Port')).toHaveAttribute('aria-invalid', 'true');
	const error = dialog.locator('#setting-port-error');
	// The message says what is wrong; the rule stands beside the field, once.
	await expect(error).toHaveText('“70000” is out of range.');
	await expect(field('Port')).toHaveAccessibleDescription(
		/^A whole number from 1 to 65535.* “70000” is out of range\.$/,
	);
	await expect(
		page.locator('.template[data-snippet="gunicorn.conf.py"] .setting-value[data-setting="port"]'),
	).toHaveText('9001');
	await field('Port').fill('9002');
	await expect(error).toBeEmpty();
	await expect(field('Port')).not.toHaveAttribute('aria-invalid', 'true');
	await expect(
		page.locator('.template[data-snippet="gunicorn.conf.py"] .setting-value[data-setting="port"]'),
	).toHaveText('9002');

	// Stored data that fails its rule, or is not the format, is ignored.
	for (const raw of [
		'{"version":1,"values":{"port":"0","service":"Bad Name"}}',
		'not json',
		'{"version":2,"values":{"port":"9000"}}',
	]) {
		await page.evaluate(
			([key, value]) => localStorage.setItem(key ?? '', value ?? ''),
			[SETTINGS_STORAGE_KEY, raw],
		);
		await page.reload();
		await expectTemplatesFilled(page, defaultSettings);
	}
});

test('injection strings from the form and the link stay text', async ({ page }) => {
	const attacks = [
		'<img src=x onerror=alert(1)>',
		'"><svg onload=alert(1)>',
		'javascript:alert(1)',
	];
	page.on('dialog', (dialog) => {
		throw new Error(`a script ran: ${dialog.message()}`);
	});
	const query = attacks
		.map((attack, index) => `${['service', 'app', 'version'][index]}=${encodeURIComponent(attack)}`)
		.join('&');
	await page.goto(`opentelemetry/?${query}`);
	const notice = page.locator('[data-settings-notice]');
	for (const attack of attacks) await expect(notice).toContainText(attack);
	const { field, dialog } = await openSettings(page);
	for (const [label, key] of [
		['Service name', 'service'],
		['ASGI app', 'app'],
		['Service version', 'version'],
	] as const) {
		for (const attack of attacks) {
			await field(label).fill(attack);
			await expect(dialog.locator(`#setting-${key}-error`)).toContainText(attack);
		}
	}
	const injected = await page.evaluate(
		() =>
			document.querySelectorAll('img[src="x"], [onerror], [onload], a[href^="javascript"]').length,
	);
	expect(injected).toBe(0);
	await page.keyboard.press('Escape');
	await expectTemplatesFilled(page, defaultSettings);
});

test('the settings dialog works from the keyboard alone', async ({ page }) => {
	await page.goto('quick-commands/');
	const { opener, dialog, field } = settingsParts(page);
	for (
		let step = 0;
		step < 40 && !(await opener.evaluate((element) => element === document.activeElement));
		step++
	)
		await page.keyboard.press('Tab');
	await expect(opener).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(field('Service name')).toBeFocused();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('payments');
	for (
		let step = 0;
		step < 20 &&
		!(await field('Kubernetes deployment').evaluate(
			(element) => element === document.activeElement,
		));
		step++
	)
		await page.keyboard.press('Tab');
	await page.keyboard.press('Control+A');
	await page.keyboard.type('payments-api');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(opener).toBeFocused();
	await expectTemplatesFilled(page, {
		...defaultSettings,
		service: 'payments',
		deployment: 'payments-api',
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('every page shows the sheet’s templates in full', async ({ page }) => {
		for (const path of templatePages) {
			await page.goto(`${path}/`);
			for (const snippet of snippets.filter((entry) => entry.page === path)) {
				expect(
					await shownCode(page.locator(`.template[data-snippet="${snippet.file}"] figure`)),
				).toBe(sheetText(snippet.file));
			}
		}
	});
});

test('the tools follow the settings: the workers command runs the app, alert rules can be scoped, base images follow Python', async ({
	page,
}) => {
	await page.goto('workers/?app=svc.api:create');
	await expect(page.locator('[data-line="command"]')).toContainText(
		'gunicorn svc.api:create -c gunicorn.conf.py --workers',
	);
	const { field } = await openSettings(page);
	await field('ASGI app').fill('orders.main:application');
	await expect(page.locator('[data-line="command"]')).toContainText(
		'gunicorn orders.main:application -c',
	);
	await page.keyboard.press('Escape');

	await page.goto('metrics/?service=orders');
	const scope = page.getByLabel('Scope the rules to your service');
	await expect(scope).toHaveValue('');
	await expect(page.locator('[data-expr]').first()).not.toContainText('orders');
	await scope.selectOption('job');
	await expect(page.locator('[data-expr="errors"]')).toContainText('job="orders"');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download prometheus-rules.yml' }).click();
	const rules = readFileSync(await (await downloading).path(), 'utf8');
	expect(rules).toContain('job="orders"');
	expect(rules).toContain("job: 'orders'");

	await page.goto('base-images/?python=3.13');
	await expect(
		page.locator('#table-images tr[data-row-id="slim"] td[data-column="image"]'),
	).toHaveText('python:3.13-slim');
	await expect(page.locator('.verdict-image')).toHaveText('python:3.13-slim');
	await openSettings(page);
	await field('Python version').selectOption('3.11');
	await expect(page.locator('.verdict-image')).toHaveText('python:3.11-slim');
	await expect(
		page.locator('#table-images tr[data-row-id="alpine"] td[data-column="image"]'),
	).toHaveText('python:3.11-alpine');
});

test('the whole sheet’s tools, far below its first screen, show the stored settings in print without being scrolled to', async ({
	page,
}) => {
	await page.goto('dockerfile/');
	await fillForm(page, mine);
	await page.keyboard.press('Escape');
	await page.goto('all/');
	await page.emulateMedia({ media: 'print' });
	await expect(
		page.locator('#table-images tr[data-row-id="slim"] td[data-column="image"]'),
	).toHaveText('python:3.13-slim');
	await expect(page.locator('.verdict-image')).toHaveText('python:3.13-slim');
	await expect(page.locator('[data-line="command"]')).toContainText(
		'gunicorn svc.api:create -c gunicorn.conf.py --workers',
	);
	// One dialog for the whole sheet: no panel above each section's templates.
	await expect(page.locator('details.template-settings')).toHaveCount(0);
});

test('the panel above a page’s templates fills them, keeps in step with the dialog, and shows its errors beside its fields', async ({
	page,
}) => {
	await page.goto('dockerfile/');
	const panel = page.locator('details.template-settings');
	await expect(panel.locator('summary')).toHaveText(
		'Fill in your service: ASGI app, Port, Python version',
	);
	await panel.locator('summary').click();
	const port = panel.getByLabel('Port', { exact: true });
	await expect(port).toBeEnabled();
	await port.fill('9300');
	await panel.getByLabel('Python version').selectOption('3.14');
	await expectTemplatesFilled(page, { ...defaultSettings, port: '9300', python: '3.14' });
	await port.fill('0');
	await expect(panel.locator('#inline-dockerfile-port-error')).toHaveText(/“0” is out of range/);
	await expect(port).toHaveAttribute('aria-invalid', 'true');
	await expect(
		page.locator('.template[data-snippet="Dockerfile"] .setting-value[data-setting="port"]'),
	).toHaveText('9300');
	const { field } = await openSettings(page);
	await expect(field('Port')).toHaveValue('9300');
	await field('Port').fill('9400');
	await page.keyboard.press('Escape');
	await expect(port).toHaveValue('9400');
	await expect(
		page.locator('.template[data-snippet="Dockerfile"] .setting-value[data-setting="port"]'),
	).toHaveText('9400');
});
