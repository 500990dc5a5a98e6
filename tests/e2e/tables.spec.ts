import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { metricRows } from '#data/metrics.ts';
import { defaultThresholds, metricQueries, ruleYaml, rulesFile } from '#lib/tools/alert-rules.ts';
import { cellText } from '#lib/sheet/sheet.ts';
import { expect, pasted, test } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const firstCells = (page: Page) => page.locator('tbody tr:not([hidden]) td:first-child');
const header = (page: Page, name: string) =>
	page.locator('th', { has: page.getByRole('button', { name }) });

/**
 * Where an element's text wraps on screen: the index of the first character of each new line,
 * with the whole text. Characters without a box (collapsed spaces) are left out.
 */
const wraps = (locator: Locator) =>
	locator.evaluate((element) => {
		const chars: Array<{ char: string; top: number }> = [];
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			for (let index = 0; index < (node.textContent ?? '').length; index++) {
				const range = document.createRange();
				range.setStart(node, index);
				range.setEnd(node, index + 1);
				const box = range.getClientRects()[0];
				if (box && box.width > 0) chars.push({ char: node.textContent![index]!, top: box.top });
			}
		}
		const text = chars.map((entry) => entry.char).join('');
		const lineStarts = chars.flatMap((entry, index) =>
			index > 0 && entry.top > chars[index - 1]!.top + 2 ? [index] : [],
		);
		return { text, lineStarts };
	});

test.describe('metrics table', () => {
	test(
		'sorts by click and by keyboard, with aria-sort, and the sort survives a reload',
		{ tag: '@subpath' },
		async ({ page }) => {
			await page.goto('metrics/');
			await page.getByRole('button', { name: 'Type' }).click();
			await expect(header(page, 'Type')).toHaveAttribute('aria-sort', 'ascending');
			await expect(page.locator('tbody tr td:nth-child(2)')).toHaveText([
				'Counter',
				'Counter',
				'Counter',
				'Gauge',
				'Gauge',
				'Gauge',
				'Histogram',
				'Histogram',
			]);

			await page.getByRole('button', { name: 'Type' }).focus();
			await page.keyboard.press('Enter');
			await expect(header(page, 'Type')).toHaveAttribute('aria-sort', 'descending');
			await expect(page.locator('tbody tr td:nth-child(2)').first()).toHaveText('Histogram');
			await expect(page).toHaveURL(/\?sort=type&dir=desc$/);

			await page.reload();
			await expect(header(page, 'Type')).toHaveAttribute('aria-sort', 'descending');
			await expect(page.locator('tbody tr td:nth-child(2)').first()).toHaveText('Histogram');
			await expect(header(page, 'Metric')).toHaveAttribute('aria-sort', 'none');
		},
	);

	test(
		'a third click returns to the sheet’s order, by keyboard too, and the URL drops the sort',
		{ tag: '@subpath' },
		async ({ page }) => {
			await page.goto('metrics/');
			const sheetOrder = metricRows.map((row) => cellText(row.cells.metric));
			const button = page.getByRole('button', { name: 'Metric' });
			await button.click();
			await expect(header(page, 'Metric')).toHaveAttribute('aria-sort', 'ascending');
			await expect(firstCells(page).first()).toHaveText('active_async_tasks');
			await expect(page).toHaveURL(/\?sort=metric$/);
			await button.press('Enter');
			await expect(header(page, 'Metric')).toHaveAttribute('aria-sort', 'descending');
			await expect(page).toHaveURL(/\?sort=metric&dir=desc$/);
			await expect(button).toHaveAttribute('title', 'Back to the sheet’s order');
			await button.press('Space');
			await expect(firstCells(page)).toHaveText(sheetOrder);
			for (const name of ['Metric', 'Type', 'Alert Threshold', 'Why'])
				await expect(header(page, name)).toHaveAttribute('aria-sort', 'none');
			await expect(page).toHaveURL(/\/metrics\/$/);
			await expect(button).toHaveAttribute('title', 'Sort ascending');
		},
	);

	test('sorts alert thresholds by their value, rows without a number last in either direction', async ({
		page,
	}) => {
		await page.goto('metrics/');
		const thresholds = page.locator('tbody tr td:nth-child(3)');
		const withoutNumber = ['N/A (rate it)', 'Sudden spikes', 'Growing unbounded'];
		await page.getByRole('button', { name: 'Alert Threshold' }).click();
		await expect(thresholds).toHaveText([
			'p99 > 500ms',
			'> 1% of traffic',
			'p99 > 2s',
			'> 80% pool size',
			'> 80% limit',
			...withoutNumber,
		]);
		await page.getByRole('button', { name: 'Alert Threshold' }).click();
		await expect(thresholds).toHaveText([
			'> 80% pool size',
			'> 80% limit',
			'p99 > 2s',
			'> 1% of traffic',
			'p99 > 500ms',
			...withoutNumber,
		]);
	});

	test('metric names wrap on a phone only after an underscore or before a brace, never inside a word', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('metrics/');
		const names = page.locator('td[data-column="metric"] code');
		await expect(names).toHaveCount(metricRows.length);
		let wrapped = 0;
		for (const name of await names.all()) {
			const { text, lineStarts } = await wraps(name);
			for (const start of lineStarts) {
				wrapped++;
				expect(
					text[start - 1] === '_' || text[start] === '{',
					`${text.slice(0, start)} | ${text.slice(start)}`,
				).toBe(true);
			}
		}
		expect(wrapped, 'at 390 px some names must wrap, or this test checks nothing').toBeGreaterThan(
			0,
		);

		await page.setViewportSize({ width: 1280, height: 900 });
		for (const name of await names.all())
			expect((await wraps(name)).lineStarts, 'on a wide screen a name stays on one line').toEqual(
				[],
			);
	});

	test(
		'filters by text and by type chips, counts rows, and shares the view by URL',
		{ tag: '@subpath' },
		async ({ page }) => {
			await page.goto('metrics/');
			await expect(page.getByText('8 of 8 metrics')).toBeVisible();
			await page.getByLabel('Filter metrics').fill('histogram');
			await expect(page.getByText('2 of 8 metrics')).toBeVisible();
			await page.getByLabel('Filter metrics').fill('');
			await page.getByRole('button', { name: 'Gauge' }).click();
			await expect(page.getByRole('button', { name: 'Gauge' })).toHaveAttribute(
				'aria-pressed',
				'true',
			);
			await expect(page.getByText('3 of 8 metrics')).toBeVisible();
			await page.getByRole('button', { name: 'Counter' }).press('Space');
			await expect(page.getByText('6 of 8 metrics')).toBeVisible();
			await page.getByLabel('Filter metrics').fill('pool');
			await expect(firstCells(page)).toHaveText(['db_pool_active_connections']);
			await expect(page).toHaveURL(/\?filter=pool&type=Gauge%2CCounter$/);

			const shared = page.url();
			const other = await page.context().newPage();
			await other.goto(shared);
			await expect(other.getByLabel('Filter metrics')).toHaveValue('pool');
			await expect(other.getByRole('button', { name: 'Counter' })).toHaveAttribute(
				'aria-pressed',
				'true',
			);
			await expect(other.getByText('1 of 8 metrics')).toBeVisible();
		},
	);

	test('an empty result says what to change and offers to show all', async ({ page }) => {
		await page.goto('metrics/?type=Histogram');
		await page.getByLabel('Filter metrics').fill('memory');
		await expect(page.getByText('0 of 8 metrics')).toBeVisible();
		await expect(
			page.getByText(
				'No metrics match “memory” and Histogram. Change the filter, switch a chip off, or show all metrics.',
			),
		).toBeVisible();
		await page.getByRole('button', { name: 'Show all metrics' }).click();
		await expect(page.getByText('8 of 8 metrics')).toBeVisible();
		await expect(page.getByLabel('Filter metrics')).toBeFocused();
		await expect(page.getByLabel('Filter metrics')).toHaveValue('');
		await expect(page).toHaveURL(/\/metrics\/$/);
	});

	test(
		'bad URL parameters get a message and the table still shows',
		{ tag: '@subpath' },
		async ({ page }) => {
			await page.goto('metrics/?sort=%3Cscript%3Ealert(1)%3C/script%3E&type=Nope&dir=sideways');
			const problems = page.getByRole('alert').filter({ hasText: 'Cannot sort' });
			await expect(problems).toHaveText(
				'Cannot sort by “<script>alert(1)</script>”: there is no such column. Showing the sheet’s order. Unknown type “Nope”: choose from Counter, Histogram, Gauge.',
			);
			await expect(page.locator('tbody tr:not([hidden])')).toHaveCount(8);
			await expect(
				page.locator('main script:not([type])').filter({ hasText: 'alert(1)' }),
			).toHaveCount(0);
		},
	);

	test('chip values in the URL match in any case; unknown ones still get the message', async ({
		page,
	}) => {
		await page.goto('metrics/?type=gauge');
		await expect(page.getByRole('button', { name: 'Gauge' })).toHaveAttribute(
			'aria-pressed',
			'true',
		);
		await expect(page.getByText('3 of 8 metrics')).toBeVisible();
		await expect(page).toHaveURL(/\?type=Gauge$/);
		await expect(page.locator('.problems')).toBeHidden();

		await page.goto('metrics/?type=COUNTER,nope');
		await expect(page.getByRole('button', { name: 'Counter' })).toHaveAttribute(
			'aria-pressed',
			'true',
		);
		await expect(page.getByText('3 of 8 metrics')).toBeVisible();
		await expect(page.getByRole('alert').filter({ hasText: 'Unknown type' })).toHaveText(
			'Unknown type “nope”: choose from Counter, Histogram, Gauge.',
		);
	});
});

test.describe('alerting rules', () => {
	test('each alerting row copies its rule, with the edited thresholds', async ({ page }) => {
		await page.goto('metrics/');
		const latency = metricRows.find((row) => row.id === 'latency')!;
		await page.getByRole('button', { name: 'Copy rule for http_request_duration_seconds' }).click();
		const expected = metricQueries(defaultThresholds).latency;
		if (expected.kind !== 'alert') throw new Error('latency must be an alert');
		await pasted(page).toBe(ruleYaml(expected, latency.cells.why, '5m'));

		await page.getByLabel('HTTP p99 latency above').fill('1.5');
		await page.getByLabel('Fire after').fill('10m');
		await expect(page.locator('[data-expr="latency"]')).toHaveText(/ > 1\.5$/);
		await page.getByRole('button', { name: 'Copy rule for http_request_duration_seconds' }).click();
		await pasted(page).toContain("> 1.5'");
		await pasted(page).toContain('for: 10m');
		// By text: Playwright pads the hidden <wbr> in the name with spaces (Chromium's own name has none).
		await expect(
			page
				.getByRole('row')
				.filter({ hasText: 'http_requests_total' })
				.getByRole('link', { name: 'Chart only' }),
		).toBeVisible();
	});

	test(
		'downloads prometheus-rules.yml with the edited thresholds, valid for promtool',
		{ tag: '@subpath' },
		async ({ page }) => {
			await page.goto('metrics/');
			await page.getByLabel('5xx share of requests above').fill('0.5');
			await page.getByLabel('DB pool size').fill('20');
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: 'Download prometheus-rules.yml' }).click(),
			]);
			expect(download.suggestedFilename()).toBe('prometheus-rules.yml');
			const path = await download.path();
			const content = readFileSync(path, 'utf8');
			expect(content).toBe(
				rulesFile({ ...defaultThresholds, errorRatioPercent: 0.5, poolSize: 20 }, metricRows),
			);
			expect(content).toContain('> 0.005');
			expect(execFileSync('promtool', ['check', 'rules', path], { encoding: 'utf8' })).toContain(
				'SUCCESS: 6 rules found',
			);
		},
	);

	test('llms-full.txt carries the rules the page downloads at its default thresholds', async ({
		page,
		request,
	}) => {
		await page.goto('metrics/');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download prometheus-rules.yml' }).click(),
		]);
		const downloaded = readFileSync(await download.path(), 'utf8');
		const llms = await (await request.get('llms-full.txt')).text();
		const metrics = llms.slice(
			llms.indexOf('## Key Production Metrics'),
			llms.indexOf('\n## ', llms.indexOf('## Key Production Metrics') + 1),
		);
		expect(metrics).toContain(
			`### Alert rules (prometheus-rules.yml, at the default thresholds)\n\n\`\`\`yaml\n${downloaded.trimEnd()}\n\`\`\``,
		);
	});

	test('a bad threshold gets a message beside its field and disables copy and download', async ({
		page,
	}) => {
		await page.goto('metrics/');
		const field = page.getByLabel('Memory above');
		await field.fill('abc');
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#threshold-memoryPercent-error')).toHaveText(
			'“abc” is not a number.',
		);
		await expect(
			page.getByRole('button', { name: 'Download prometheus-rules.yml' }),
		).toBeDisabled();
		await expect(
			page.getByText('Fix the thresholds marked above to copy or download rules.'),
		).toBeVisible();
		await page.getByLabel('Fire after').fill('soon');
		await expect(page.locator('#threshold-forDuration-error')).toHaveText(
			'“soon” is not a Prometheus duration such as 5m, 90s or 1h30m (units largest first, each once).',
		);
		await page.getByLabel('Fire after').fill('');
		await expect(page.locator('#threshold-forDuration-error')).toHaveText(
			'Enter a duration such as 5m, 90s or 1h30m.',
		);
		await field.fill('');
		await expect(page.locator('#threshold-memoryPercent-error')).toHaveText(
			'Enter a number, such as 80 % of limit.',
		);
		await field.fill('1e3');
		await expect(page.locator('#threshold-memoryPercent-error')).toHaveText(
			'“1e3”: write the number in plain digits, without an exponent.',
		);
		await field.fill('90');
		await page.getByLabel('Fire after').fill('1h30m');
		await expect(page.getByRole('button', { name: 'Download prometheus-rules.yml' })).toBeEnabled();
		await expect(page.locator('main')).not.toContainText('NaN');
	});
});

test.describe('base images', () => {
	test('sorts sizes by value and draws a bar per row', async ({ page }) => {
		await page.goto('base-images/');
		await page.getByRole('button', { name: 'Size' }).click();
		await expect(firstCells(page)).toHaveText([
			'python:3.12-alpine',
			'python:3.12-slim',
			'python:3.12',
		]);
		await page.getByRole('button', { name: 'Size' }).click();
		await expect(firstCells(page)).toHaveText([
			'python:3.12',
			'python:3.12-slim',
			'python:3.12-alpine',
		]);
		const widths = await page
			.locator('tbody tr .bar')
			.evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect().width));
		expect(widths[0]).toBeGreaterThan(widths[1]! * 5);
		expect(widths[1]).toBeGreaterThan(widths[2]!);
	});

	test('the decision helper marks the row that fits and says why, by keyboard', async ({
		page,
	}) => {
		await page.goto('base-images/');
		const verdict = page.locator('output.verdict');
		const highlighted = page.locator('tr[data-highlight] td:first-child');
		await expect(verdict).toContainText('python:3.12-slim');
		await expect(highlighted).toHaveText('python:3.12-slim');

		await page.getByLabel('Is image size critical').focus();
		await page.keyboard.press('Space');
		await expect(verdict).toContainText('python:3.12-alpine');
		await expect(verdict).toContainText(/pure Python/i);
		await expect(highlighted).toHaveText('python:3.12-alpine');

		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Shift+Tab');
		await expect(page.getByLabel('Do any dependencies have C extensions')).toBeFocused();
		await page.keyboard.press('Space');
		await expect(highlighted).toHaveText('python:3.12-slim');
		await expect(verdict).toContainText('no C extensions');

		await page.getByLabel('Do you need build tools').check();
		await expect(highlighted).toHaveText('python:3.12');
		await expect(verdict).toContainText('avoid');
	});

	test('the verdict reads as separate parts, on screen and to a screen reader', async ({
		page,
	}) => {
		await page.goto('base-images/');
		const verdict = page.locator('output.verdict');
		const sentence =
			'Recommended: python:3.12-slim. Default choice: pre-built wheels work, and it is a tenth of the full image.';
		await expect(verdict).toHaveText(sentence);
		await expect(verdict).toMatchAriaSnapshot(`
			- status:
			  - text: "Recommended:"
			  - code: python:3.12-slim
			  - text: ". Default choice: pre-built wheels work, and it is a tenth of the full image."
		`);
		const box = async (selector: string) => (await verdict.locator(selector).boundingBox())!;
		const [label, image, reason] = [
			await box('.verdict-label'),
			await box('.verdict-image'),
			await box('.verdict-reason'),
		];
		expect(image.x, 'space between the label and the image').toBeGreaterThanOrEqual(
			label.x + label.width + 6,
		);
		expect(reason.y, 'the reason on a line of its own').toBeGreaterThanOrEqual(
			image.y + image.height,
		);
	});
});

test('a refused clipboard says so on the button instead of failing silently', async ({ page }) => {
	// As on a plain-http host or after the reader refused the permission.
	await page.addInitScript(() =>
		Object.defineProperty(Navigator.prototype, 'clipboard', {
			get: () => ({
				writeText: () =>
					Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
			}),
		}),
	);
	await page.goto('workers/');
	const copy = page.locator('[data-copy-line="env"]');
	await copy.click();
	await expect(copy).toHaveText('Copy failed');
	await expect(page.locator('.copy-status')).toHaveText(
		'The browser refused the clipboard: select the text and copy it by hand.',
	);
	await expect(copy).toHaveText('Copy', { timeout: 6000 });
});

test.describe('workers calculator', () => {
	const count = (page: Page) => page.locator('.calculator .result .count');

	test('computes for each deployment, shows the formula and copies the lines, by keyboard', async ({
		page,
	}) => {
		await page.goto('workers/');
		// Uvicorn's workers, which every template runs, are the default.
		await expect(page.getByLabel('Async (Uvicorn)')).toBeChecked();
		await expect(count(page)).toHaveText('2 workers');
		const cpu = page.getByLabel('CPU cores');
		await cpu.focus();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('4');
		await expect(count(page)).toHaveText('4 workers');
		await expect(page.locator('.calculator .result')).toContainText('CPU = 4 cores → 4');

		await page.getByLabel('Async (Uvicorn)').focus();
		await page.keyboard.press('ArrowUp');
		await expect(page.getByLabel('Sync', { exact: true })).toBeChecked();
		await expect(count(page)).toHaveText('9 workers');
		await expect(page.locator('.calculator .result')).toContainText('CPU * 2 + 1 = 4 * 2 + 1 = 9');

		await page.getByLabel('Bare metal / VM').focus();
		await page.keyboard.press('ArrowDown');
		await expect(page.getByRole('radio', { name: 'Kubernetes' })).toBeChecked();
		await expect(page.locator('tr[data-highlight] td:first-child')).toHaveText('Kubernetes');
		await cpu.fill('1500m');
		await expect(count(page)).toHaveText('1 worker');

		await page.getByLabel('Memory-constrained', { exact: true }).check();
		await cpu.fill('');
		await page.getByLabel('Memory limit', { exact: false }).first().fill('2');
		await page.getByLabel('Per-worker RSS', { exact: false }).first().fill('300');
		await expect(count(page)).toHaveText('6 workers');
		await expect(page.locator('.calculator .result')).toContainText(
			'RAM / (per-worker RSS) = 2 GiB / 300 MiB = 6.83 → 6',
		);

		await page.locator('[data-copy-line="env"]').click();
		await pasted(page).toBe('WEB_CONCURRENCY=6');
		await page.locator('[data-copy-line="command"]').focus();
		await page.keyboard.press('Enter');
		await pasted(page).toBe('gunicorn app.main:app -c gunicorn.conf.py --workers 6');
	});

	test('names the bound that won where CPU and memory both apply', async ({ page }) => {
		await page.goto('workers/');
		await page.getByLabel('CPU cores').fill('8');
		await page.getByLabel('Memory limit', { exact: false }).first().fill('1');
		await page.getByLabel('Per-worker RSS', { exact: false }).first().fill('256');
		await expect(count(page)).toHaveText('4 workers');
		await expect(page.locator('.calculator .result')).toContainText(
			'Memory allows 4, CPU 8: memory is the bound',
		);
	});

	test('a bad input leaves no stale count in the lines to copy', async ({ page }) => {
		await page.goto('workers/');
		await page.getByLabel('Sync', { exact: true }).check();
		const cpu = page.getByLabel('CPU cores');
		await cpu.fill('64');
		await expect(page.locator('[data-line="env"]')).toHaveText('WEB_CONCURRENCY=129');
		await cpu.fill('64x');
		await expect(page.locator('#workers-cpu-error')).toHaveText(
			'“64x” is not a number of cores. Use 4, 0.5 or 1500m.',
		);
		await expect(page.locator('[data-line="env"]')).toBeHidden();
		await expect(page.locator('[data-line="command"]')).toBeHidden();
		await expect(page.locator('[data-copy-line]')).toHaveCount(2);
		for (const button of await page.locator('[data-copy-line]').all())
			await expect(button).toBeDisabled();
		expect(await page.locator('form.calculator').innerText()).not.toContain('129');
		await cpu.fill('2');
		await expect(page.locator('[data-line="env"]')).toHaveText('WEB_CONCURRENCY=5');
		await expect(page.locator('[data-line="command"]')).toBeVisible();
		await expect(page.locator('[data-copy-line="env"]')).toBeEnabled();
	});

	test('on a phone the command wraps between flags, each flag kept with its value', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('workers/');
		const line = page.locator('[data-line="command"]');
		await expect(line).toHaveText('gunicorn app.main:app -c gunicorn.conf.py --workers 2');
		const { text, lineStarts } = await wraps(line);
		expect(
			lineStarts.length,
			'at 390 px the command must wrap, or this test checks nothing',
		).toBeGreaterThan(0);
		for (const start of lineStarts)
			expect(text.slice(start), text.slice(0, start)).toMatch(
				/^(app\.main:app|-c gunicorn\.conf\.py|--workers 2)/,
			);
	});

	const badInputs: Array<[string, Record<string, string>, string, string]> = [
		['empty CPU', { cpu: '' }, 'cpu', 'Enter the CPU cores, such as 4, 0.5 or 1500m.'],
		['negative CPU', { cpu: '-2' }, 'cpu', 'CPU must be more than 0.'],
		['zero CPU', { cpu: '0' }, 'cpu', 'CPU must be more than 0.'],
		[
			'non-numeric CPU',
			{ cpu: 'lots' },
			'cpu',
			'“lots” is not a number of cores. Use 4, 0.5 or 1500m.',
		],
		[
			'absurd CPU',
			{ cpu: '5000' },
			'cpu',
			'More than 1024 cores: enter the cores of one machine or pod.',
		],
		[
			'CPU in exponent notation',
			{ cpu: '1e3' },
			'cpu',
			'“1e3”: write the number in plain digits, without an exponent.',
		],
		[
			'CPU with a decimal comma',
			{ cpu: '1,5' },
			'cpu',
			'“1,5”: write it without commas, with a dot for decimals, such as 1.5.',
		],
		[
			'RSS larger than RAM',
			{ memory: '1', rss: '2048' },
			'rss',
			'A worker’s RSS (2 GiB) is larger than the memory limit (1 GiB): not even one worker fits.',
		],
		['memory without RSS', { memory: '4' }, 'rss', 'Enter the per-worker RSS.'],
		[
			'HTML as memory',
			{ memory: '<b>8</b>', rss: '100' },
			'memory',
			'“<b>8</b>” is not a number. Enter the memory limit in GiB.',
		],
	];
	for (const [name, values, field, message] of badInputs) {
		test(`bad input: ${name} gets a message beside the field, never NaN or 0`, async ({ page }) => {
			await page.goto('workers/');
			if (values['cpu'] !== undefined) await page.getByLabel('CPU cores').fill(values['cpu']);
			if (values['memory'] !== undefined)
				await page.getByLabel('Memory limit', { exact: false }).first().fill(values['memory']);
			if (values['rss'] !== undefined)
				await page.getByLabel('Per-worker RSS', { exact: false }).first().fill(values['rss']);
			await expect(page.locator(`#workers-${field}-error`)).toHaveText(message);
			await expect(page.locator(`input[name="${field}"]`)).toHaveAttribute('aria-invalid', 'true');
			await expect(count(page)).toHaveText('– workers');
			await expect(page.locator('.calculator .result')).toContainText(
				'Fix the field marked above to see the count.',
			);
			await expect(page.locator('[data-copy-line="env"]')).toBeDisabled();
			await expect(page.locator('[data-copy-line="command"]')).toBeDisabled();
			const text = await page.locator('main').innerText();
			expect(text).not.toMatch(/NaN|Infinity|\b0 workers/);
			await expect(page.locator('main b')).toHaveCount(0);
		});
	}
});

test.describe('the whole sheet page', () => {
	test(
		'its tables and tools work side by side without taking over the URL',
		{ tag: '@subpath' },
		async ({ page }) => {
			await page.goto('all/?sort=size');
			await expect(page.getByRole('alert').filter({ hasText: 'Cannot sort' })).toHaveCount(0);
			await expect(page.locator('#table-metrics tbody tr:not([hidden])')).toHaveCount(8);
			await page.getByLabel('Memory-constrained', { exact: true }).check();
			await expect(page.locator('#table-deployments tr[data-highlight] td:first-child')).toHaveText(
				'Memory-constrained',
			);
			await expect(page.locator('#table-metrics tr[data-highlight]')).toHaveCount(0);
			await expect(page.locator('#table-images tr[data-highlight] td:first-child')).toHaveText(
				'python:3.12-slim',
			);
			await page.getByLabel('Filter metrics').fill('pool');
			await expect(page.getByText('1 of 8 metrics')).toBeVisible();
			await expect(page).toHaveURL(/\/all\/\?sort=size$/);
		},
	);
});

test.describe('each tool drives its own markup only', () => {
	const tools = [
		{
			path: 'workers/',
			tag: 'workers-calculator',
			edit: (tool: Locator) => tool.locator('input[name="cpu"]').fill('8'),
			part: '.result .count',
			sheet: '2 workers',
			edited: '8 workers',
		},
		{
			path: 'metrics/',
			tag: 'alert-rules',
			edit: (tool: Locator) => tool.locator('input[name="latencyP99Seconds"]').fill('7'),
			part: '[data-expr="latency"]',
			sheet: /> 2$/,
			edited: /> 7$/,
		},
		{
			path: 'base-images/',
			tag: 'base-image-decision',
			edit: (tool: Locator) => tool.locator('input[name="sizeCritical"]').check(),
			part: '.verdict-image',
			sheet: 'python:3.12-slim',
			edited: 'python:3.12-alpine',
		},
	];
	for (const { path, tag, edit, part, sheet, edited } of tools) {
		test(`a second <${tag}> on /${path} works on its own`, async ({ page }) => {
			await page.goto(path);
			await page.waitForFunction((name) => customElements.get(name) !== undefined, tag);
			// A copy beside the page's own (its ids repeat, so it is reached by names, not labels).
			await page.locator(tag).evaluate((tool) => tool.after(tool.cloneNode(true)));
			const [own, copy] = [page.locator(tag).first(), page.locator(tag).nth(1)];
			await edit(copy);
			await expect(copy.locator(part)).toHaveText(edited);
			await expect(own.locator(part)).toHaveText(sheet);
			await edit(own);
			await expect(own.locator(part)).toHaveText(edited);
		});
	}
});
