/**
 * Keyboard only, from the top of the page: Tab (and the keys a reader would press) reaches and
 * works search, the tables, the calculator and the copy buttons. No clicks, no `focus()`.
 */
import { readFileSync } from 'node:fs';
import { snippetText } from '#lib/templates/snippet.ts';
import { expect, pasted, searchParts, test } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Presses Tab until the target has focus, as a reader would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, limit = 120) {
	for (let presses = 0; presses < limit; presses++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${target}`);
}

test('search: the header button is reached by Tab, typing finds, Enter opens the first result', async ({
	page,
}) => {
	await page.goto('dockerfile/');
	await tabTo(page, page.getByRole('button', { name: 'Search', exact: true }));
	await page.keyboard.press('Enter');
	const { field, options } = searchParts(page);
	await expect(field).toBeFocused();
	await page.keyboard.type('graceful_timeout');
	await expect(options.first()).toHaveAttribute('href', /\/gunicorn\/(#.*)?$/);
	await page.keyboard.press('Enter');
	await expect(page.locator('h1')).toHaveText('Gunicorn Config Template');
});

test('a template’s copy button is reached by Tab and copies with Enter', async ({ page }) => {
	await page.goto('gunicorn/');
	// The sheet's template, first on the page (the page also shows a start script).
	const copy = page
		.locator('.template[data-snippet="gunicorn.conf.py"]')
		.getByRole('button', { name: 'Copy to clipboard' });
	await tabTo(page, copy);
	await page.keyboard.press('Enter');
	await pasted(page).toBe(
		snippetText(
			readFileSync(new URL('../../src/snippets/gunicorn.conf.py', import.meta.url), 'utf8'),
		),
	);
});

test('the metrics table sorts, filters and copies a rule by keyboard', async ({ page }) => {
	await page.goto('metrics/');
	const sortByType = page.getByRole('button', { name: 'Type', exact: true });
	await tabTo(page, sortByType);
	await page.keyboard.press('Enter');
	await expect(page.locator('th', { has: sortByType })).toHaveAttribute('aria-sort', 'ascending');

	await tabTo(page, page.getByRole('button', { name: 'Gauge' }));
	await page.keyboard.press('Space');
	await expect(page.getByText('3 of 8 metrics')).toBeVisible();

	await tabTo(page, page.getByLabel('Filter metrics'));
	await page.keyboard.type('pool');
	await expect(page.getByText('1 of 8 metrics')).toBeVisible();

	await tabTo(page, page.getByRole('button', { name: 'Copy rule for db_pool_active_connections' }));
	await page.keyboard.press('Enter');
	await pasted(page).toContain('db_pool_active_connections');
});

test('the workers calculator is filled, switched and copied by keyboard', async ({ page }) => {
	await page.goto('workers/');
	await tabTo(page, page.getByLabel('Bare metal / VM'));
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'Kubernetes' })).toBeChecked();

	const count = page.locator('.calculator .result .count');
	await tabTo(page, page.getByLabel('CPU cores'));
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('16');
	await expect(count).toHaveText(/^\d+ workers$/);
	await expect(page.locator('.calculator .result')).toContainText('16');
	const workers = (await count.textContent())?.split(' ')[0];

	await tabTo(page, page.locator('[data-copy-line="env"]'));
	await page.keyboard.press('Enter');
	await pasted(page).toBe(`WEB_CONCURRENCY=${workers}`);
});

test('the template variant tabs switch with the arrow keys', async ({ page }) => {
	await page.goto('gunicorn/');
	const sheetTab = page.getByRole('tab', { name: 'Cheat sheet' });
	await tabTo(page, sheetTab);
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Hardened' })).toBeFocused();
	await expect(page.locator('.template[data-snippet="hardened/gunicorn.conf.py"]')).toBeVisible();
	await page.keyboard.press('ArrowLeft');
	await expect(sheetTab).toHaveAttribute('aria-selected', 'true');
});

test('on the whole sheet, Tab right after a Contents jump reaches the tool there, whose script has not started yet', async ({
	page,
}) => {
	await page.goto('all/');
	await page
		.getByRole('navigation', { name: 'Contents' })
		.getByRole('link', { name: 'Key Production Metrics' })
		.focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Filter metrics')).toBeFocused();
	await page.keyboard.type('pool');
	await expect(page.getByText('1 of 8 metrics')).toBeVisible();
	// A press that comes before the table's script is kept and carried out once it is there.
	await page.goto('all/');
	await page
		.getByRole('navigation', { name: 'Contents' })
		.getByRole('link', { name: 'Workers Formula' })
		.focus();
	await page.keyboard.press('Enter');
	await page.locator('#table-deployments').getByRole('button', { name: 'Deployment' }).click();
	await expect(page.locator('#table-deployments th[data-column="deployment"]')).toHaveAttribute(
		'aria-sort',
		'ascending',
	);
});
