/**
 * axe-core on every page in both themes, at desktop and phone width, and with every widget in the
 * states a reader puts it in: opened, filled, sorted, filtered to nothing and in error. Any
 * violation fails; no rule is disabled.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, pagePaths, searchFor, searchParts, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function expectNoViolations(page: Page, state: string) {
	// Expressive Code makes an overflowing code block a focusable region in an idle callback after
	// each resize it observes (a late layout change schedules another): axe judges the page as a
	// reader meets it, once every block's focusability matches whether it overflows.
	await page.waitForFunction(() =>
		[...document.querySelectorAll('.expressive-code pre')].every(
			(pre) => pre.scrollWidth > pre.clientWidth === pre.hasAttribute('tabindex'),
		),
	);
	const { violations } = await new AxeBuilder({ page }).analyze();
	const report = violations.map((violation) => ({
		rule: violation.id,
		impact: violation.impact,
		nodes: violation.nodes.map(
			(node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ')}`,
		),
	}));
	expect(report, `axe on ${state}`).toEqual([]);
}

// axe walks every node: /all/ is the whole sheet on one page, slow to analyse on a busy machine.
test.describe.configure({ timeout: 90_000 });

for (const theme of ['light', 'dark'] as const) {
	test.describe(`${theme} theme`, () => {
		test.use({ colorScheme: theme });

		for (const path of pagePaths) {
			test(`/${path} has no axe violations`, async ({ page }) => {
				await page.goto(path);
				// The whole sheet renders a section only as it nears the viewport (content-visibility:
				// auto); its code blocks become focusable regions then. A reader meets every section
				// rendered, as here, scrolled to one after another.
				for (const section of await page.locator('.sheet-section').all())
					await section.scrollIntoViewIfNeeded();
				await expectNoViolations(page, `/${path}`);
			});
		}

		test.describe(() => {
			test.use({ expectedErrorPage: true });
			test('the 404 page has no axe violations', async ({ page }) => {
				await page.goto('no-such-page/');
				await expectNoViolations(page, 'the 404 page');
			});
		});

		test('search, open with results and with none, has no axe violations', async ({ page }) => {
			await page.goto('gunicorn/?q=healthz');
			await expect(searchParts(page).options.first()).toBeVisible();
			await expectNoViolations(page, 'search with results');
			await page.keyboard.press('ArrowDown');
			await expectNoViolations(page, 'search with an active result');
			await searchFor(page, 'qqqqzzzz');
			await expectNoViolations(page, 'search without results, with suggestions');
			await searchFor(page, 'gunicron');
			await expectNoViolations(page, 'search with a corrected typo');
			await page.evaluate(() =>
				localStorage.setItem('cheat-sheet:recent-searches:v1', '["healthz", "p99"]'),
			);
			await searchParts(page).field.fill('');
			await expect(page.getByRole('group', { name: 'Recent searches' })).toBeVisible();
			await expectNoViolations(page, 'search, empty, with recent searches');
		});

		test('the metrics table and alert rules, sorted, filtered, emptied and in error, have no axe violations', async ({
			page,
		}) => {
			await page.goto('metrics/');
			await page.getByRole('button', { name: 'Type' }).click();
			await page.getByRole('button', { name: 'Gauge' }).click();
			await expectNoViolations(page, 'metrics sorted and filtered by a chip');
			await page.getByLabel('Filter metrics').fill('nothing matches this');
			await expect(page.getByText('0 of 8 metrics')).toBeVisible();
			await expectNoViolations(page, 'metrics filtered to nothing');
			await page.getByLabel('Memory above').fill('abc');
			await page.getByLabel('Fire after').fill('soon');
			await expect(page.locator('#threshold-memoryPercent-error')).toBeVisible();
			await expectNoViolations(page, 'alert thresholds in error');
		});

		test('the metrics page with bad URL parameters has no axe violations', async ({ page }) => {
			await page.goto('metrics/?sort=nope&type=Nope');
			await expect(page.getByRole('alert').filter({ hasText: 'Cannot sort' })).toBeVisible();
			await expectNoViolations(page, 'metrics with bad URL parameters');
		});

		test('the base image helper, answered, has no axe violations', async ({ page }) => {
			await page.goto('base-images/');
			await page.getByRole('button', { name: 'Size' }).click();
			await page.getByLabel('Is image size critical').check();
			await expectNoViolations(page, 'base image helper answered');
		});

		test('the workers calculator, filled and in error, has no axe violations', async ({ page }) => {
			await page.goto('workers/');
			await page.getByRole('radio', { name: 'Kubernetes' }).check();
			await page.getByLabel('CPU cores').fill('1500m');
			await expectNoViolations(page, 'workers calculator for Kubernetes');
			await page.getByLabel('Memory-constrained', { exact: true }).check();
			await page.getByLabel('CPU cores').fill('lots');
			await expect(page.getByLabel('CPU cores')).toHaveAttribute('aria-invalid', 'true');
			await expectNoViolations(page, 'workers calculator in error');
		});

		test('the settings dialog, open, filled, in error and loaded from a link, has no axe violations', async ({
			page,
		}) => {
			await page.goto('dockerfile/?port=70000&service=orders');
			await expect(
				page.getByRole('status').filter({ hasText: 'Settings loaded from the link' }),
			).toBeVisible();
			await expectNoViolations(page, 'templates filled, with the notice of a link');
			await page.getByRole('button', { name: 'Your service' }).click();
			const dialog = page.getByRole('dialog', { name: 'Your service' });
			await expect(dialog).toBeVisible();
			await expectNoViolations(page, 'settings open');
			await dialog.getByLabel('Python version').selectOption('3.13');
			await dialog.getByLabel('Port', { exact: true }).fill('9000');
			await expectNoViolations(page, 'settings filled');
			await dialog.getByLabel('Port', { exact: true }).fill('http://x');
			await dialog.getByLabel('Service version').fill('v1');
			await expect(dialog.getByLabel('Port', { exact: true })).toHaveAttribute(
				'aria-invalid',
				'true',
			);
			await expectNoViolations(page, 'settings in error');
			await page.setViewportSize({ width: 390, height: 844 });
			await expectNoViolations(page, 'settings in error at 390 px');
			await page.keyboard.press('Escape');
			const panel = page.locator('details.template-settings');
			await panel.locator('summary').click();
			await panel.getByLabel('Port', { exact: true }).fill('0');
			await expect(panel.getByLabel('Port', { exact: true })).toHaveAttribute(
				'aria-invalid',
				'true',
			);
			await expectNoViolations(page, 'the panel above the templates, open and in error');
		});

		test('the phone layout with its menu open has no axe violations', async ({ page }) => {
			await page.setViewportSize({ width: 390, height: 844 });
			await page.goto('metrics/');
			await expectNoViolations(page, 'metrics at 390 px');
			await page.getByRole('button', { name: 'Menu' }).click();
			await expect(page.locator('#starlight__sidebar')).toBeVisible();
			await expectNoViolations(page, 'the phone menu');
		});
	});
}
