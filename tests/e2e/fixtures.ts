/**
 * Every e2e test runs under four guards a reader would notice: no console error or uncaught
 * exception, no request to any host but the local server, no file of the site that fails to
 * load (a broken link or asset under a sub-path shows up here), and nothing that the
 * Content-Security-Policy the server sends (that of the build's `_headers`) blocks.
 */
import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { sections } from '#data/sections.ts';
import { parseSheet, repairEncoding } from '#lib/sheet/sheet.ts';

export { expect };

/** The user's sheet as the site must show it. */
export const sheet = parseSheet(
	repairEncoding(
		readFileSync(
			new URL('../../source/production-deployment-cheat-sheet.md', import.meta.url),
			'utf8',
		),
	),
);

/**
 * What the reader would paste: the clipboard, asked until it holds the expected text, because a
 * copy button writes it asynchronously and a loaded machine may take a moment.
 */
export const pasted = (page: Page) =>
	expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), {
		message: 'the clipboard',
	});

/** The search dialog's parts, by role and name, as a reader (and a screen reader) finds them. */
export function searchParts(page: Page) {
	const dialog = page.getByRole('dialog', { name: 'Search the cheat sheet' });
	return {
		dialog,
		field: dialog.getByRole('combobox', { name: 'Search the cheat sheet' }),
		status: dialog.getByRole('status'),
		options: dialog.getByRole('listbox', { name: 'Search results' }).getByRole('option'),
	};
}

/**
 * Searches as a reader does (opening search with the header button if it is closed) and waits
 * until the results of this very query are shown: the status line names it.
 */
export async function searchFor(page: Page, query: string) {
	const parts = searchParts(page);
	if (!(await parts.dialog.isVisible()))
		await page.getByRole('button', { name: 'Search', exact: true }).click();
	await parts.field.fill(query);
	await expect(parts.status).toContainText(`“${query.trim()}”`);
	return parts;
}

/** Waits until the page says it is saved for offline use: the service worker has precached the site. */
export async function expectSavedForOffline(page: Page) {
	await expect(page.getByRole('status').filter({ hasText: 'Saved for offline use' })).toBeVisible({
		timeout: 20_000,
	});
}

/** Every page of the site, relative to the base URL. */
export const pagePaths = ['', ...sections.map((section) => `${section.slug}/`), 'all/'];

/** What a page's init script calls with each `securitypolicyviolation` event it sees. */
const reportViolation = 'reportContentSecurityPolicyViolation';

export const test = base.extend<{ guards: void; expectedErrorPage: boolean; problems: string[] }>({
	/** Set where a test opens a missing page on purpose: Chromium logs the document's own 404. */
	expectedErrorPage: [false, { option: true }],
	/** What the guards found; the test fails on any. A test that causes one on purpose takes it out. */
	problems: async ({}, use) => {
		await use([]);
	},
	guards: [
		async ({ page, baseURL, expectedErrorPage, problems }, use) => {
			const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
			// Missing documents the test opened on purpose: the console line may come after the next navigation.
			const missingDocuments = new Set<string>();
			// The page reports what the policy blocks (on every page the test opens in its context),
			// and Chromium says it on the console as well: either one fails the test.
			await page
				.context()
				.exposeBinding(reportViolation, (_source, violation: string) =>
					problems.push(`Content-Security-Policy violation: ${violation}`),
				);
			await page.context().addInitScript((report) => {
				document.addEventListener(
					'securitypolicyviolation',
					(event) => {
						const where = `${event.sourceFile || event.documentURI}:${event.lineNumber}`;
						const call = (window as unknown as Record<string, (violation: string) => void>)[report];
						call?.(
							`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${where}) ${event.sample}`.trim(),
						);
					},
					true,
				);
			}, reportViolation);
			page.on('console', (message) => {
				const where = message.location().url;
				const documentNotFound =
					expectedErrorPage &&
					(where === page.url() || missingDocuments.has(where)) &&
					/status of 404/.test(message.text());
				if (/Content[ -]Security[ -]Policy/i.test(message.text()))
					problems.push(
						`console ${message.type()} about the Content-Security-Policy: ${message.text()}`,
					);
				else if (message.type() === 'error' && !documentNotFound)
					problems.push(`console error: ${message.text()}`);
			});
			page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
			page.on('request', (request) => {
				const url = request.url();
				if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
					problems.push(`request left the origin: ${url}`);
			});
			page.on('response', (response) => {
				const isMissingPageOnPurpose =
					expectedErrorPage && response.request().isNavigationRequest();
				if (isMissingPageOnPurpose) missingDocuments.add(response.url());
				if (response.status() >= 400 && !isMissingPageOnPurpose)
					problems.push(`${response.status()} for ${response.url()}`);
			});
			await use();
			expect(problems).toEqual([]);
		},
		{ auto: true },
	],
});
