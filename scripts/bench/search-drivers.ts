/**
 * How the benchmark works each site's search: one small driver per site, so that both are timed
 * by the same definition (the last keystroke's keydown to the first result of the WHOLE query
 * visible) although their search UIs differ. Ours is our search dialog on Pagefind's JS API, by
 * its DOM contract:
 * - the header's `button[data-search-open]` opens `dialog#site-search` and focuses
 *   `input#site-search-input`; Pagefind loads when search opens (or the button is hovered or
 *   focused), never on page load;
 * - `#site-search-results` carries `data-query`, the trimmed query whose results it shows, and
 *   its results are `[role=option]` links; with no match, `#site-search-status` reads
 *   "No results for “…”…" and there is no option; an empty field empties the list and sets
 *   `data-query=""`.
 * Stock Starlight's is the Pagefind UI in Starlight's modal.
 *
 * Only Playwright's types are imported, so the probes can be unit-tested without a browser.
 */
import type { Locator, Page } from '@playwright/test';

/** How long a step of a driver may take before the search counts as failed. */
export const stepTimeoutMs = 10_000;

/** An element (the first that matches `selector`) whose text contains `text`. */
export interface TextMatch {
	selector: string;
	text: string;
}

/**
 * What the page shows once the whole query has been searched, checked in the page on every
 * change of the DOM after the last keystroke.
 */
export interface ResultProbe {
	/** A result of the whole query: the time stops when the first one is visible. */
	hit: string;
	/** When given, a `hit` counts only while this holds (the UI names the query it shows elsewhere). */
	whole?: TextMatch;
	/** The whole query found nothing: no time. */
	none: TextMatch;
}

export interface SearchDriver {
	/** The site's search UI, as the report names it. */
	label: string;
	/** After the page's load: waits for what `open` needs. */
	ready(page: Page): Promise<void>;
	/** Opens search as a visitor would; resolves with the search field, visible. */
	open(page: Page): Promise<Locator>;
	/** Empties the field and waits until no result is shown. */
	clear(page: Page, field: Locator): Promise<void>;
	probe(query: string): ResultProbe;
}

/** `text` as a CSS string between double quotes. */
export function cssString(text: string): string {
	return `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

/** Ours: the results list says which query it shows, so a result of a half-typed query cannot count. */
export function oursProbe(query: string): ResultProbe {
	const shown = query.trim();
	return {
		hit: `#site-search-results[data-query=${cssString(shown)}] [role=option]`,
		none: { selector: '#site-search-status', text: `No results for “${shown}”` },
	};
}

/**
 * Stock: Pagefind UI's message names the term its results are for ("3 results for gunicorn",
 * "No results for gunicorn"); a result link counts while that term is the whole query.
 */
export function stockProbe(query: string): ResultProbe {
	return {
		hit: '#starlight__search .pagefind-ui__results .pagefind-ui__result-link',
		whole: { selector: '#starlight__search .pagefind-ui__message', text: query },
		none: { selector: '#starlight__search .pagefind-ui__message', text: `No results for ${query}` },
	};
}

const ours: SearchDriver = {
	label: 'our search dialog on Pagefind’s JS API',
	async ready(page) {
		// Our script is a module, run before `load`: once the button is there, it opens search.
		await page
			.locator('button[data-search-open]')
			.waitFor({ state: 'visible', timeout: stepTimeoutMs });
	},
	async open(page) {
		await page.locator('button[data-search-open]').click({ timeout: stepTimeoutMs });
		await page
			.locator('dialog#site-search[open]')
			.waitFor({ state: 'visible', timeout: stepTimeoutMs });
		const field = page.locator('input#site-search-input');
		await field.waitFor({ state: 'visible', timeout: stepTimeoutMs });
		return field;
	},
	async clear(page, field) {
		await field.fill('', { timeout: stepTimeoutMs });
		await page.waitForFunction(
			() => {
				const list = document.querySelector('#site-search-results');
				return list?.getAttribute('data-query') === '' && !list.querySelector('[role=option]');
			},
			undefined,
			{ timeout: stepTimeoutMs },
		);
	},
	probe: oursProbe,
};

const stock: SearchDriver = {
	label: 'Pagefind UI (300 ms debounce)',
	async ready(page) {
		// Starlight imports the Pagefind UI when the page is idle; its field appears then.
		await page
			.locator('#starlight__search input')
			.waitFor({ state: 'attached', timeout: stepTimeoutMs });
	},
	async open(page) {
		await page.locator('site-search button[data-open-modal]').click({ timeout: stepTimeoutMs });
		const field = page.locator('#starlight__search input');
		await field.waitFor({ state: 'visible', timeout: stepTimeoutMs });
		return field;
	},
	async clear(page, field) {
		await field.fill('', { timeout: stepTimeoutMs });
		await page
			.locator('#starlight__search .pagefind-ui__results')
			.waitFor({ state: 'detached', timeout: stepTimeoutMs });
	},
	probe: stockProbe,
};

export const searchDrivers = { ours, stock } as const satisfies Record<string, SearchDriver>;
