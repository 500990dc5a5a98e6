/**
 * Byte budgets over the root build (`npm run test:budgets`, after `npm run build`): what each
 * page costs a first visit, gzip, by page kind, and what its scripts can import on demand. The
 * limits sit about 10 % above what the pages weighed when they were set, so a careless 20 KB
 * (a library pulled into a page script, an inlined image) fails here, long before anyone runs the
 * benchmark. Raise a limit only with the reason in the commit that does. How the bytes are
 * counted: page-weight.ts. The benchmark (docs/benchmark.md) measures the same pages in a browser,
 * against stock Starlight.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import assert from 'node:assert/strict';
import { join, sep } from 'node:path';
import { describe, it } from 'node:test';
import { sections } from '#data/sections.ts';
import { widgetPages } from '#scripts/bench/report.ts';
import { pageWeight, type PageWeight } from './page-weight.ts';

const dist = new URL('../../dist/', import.meta.url).pathname;

interface Budget {
	pages: readonly string[];
	/** First visit: HTML + CSS + JS, gzip, KiB. */
	firstVisitKiB: number;
	/** Modules the page's scripts import on demand, gzip, KiB. */
	onDemandKiB: number;
}

const toolPages = widgetPages.filter((path) => path !== '/all/');

// Measured when set (gzip bytes, first visit / on demand): / 27,477 / 12,534, /404.html 27,414 /
// 12,534; template pages 36,676 (/quick-commands/) to 42,798 (/logging/) / 12,534; /metrics/
// 34,607 / 17,665, /workers/ 32,276 / 16,878, /base-images/ 31,643 / 15,638; /all/ 68,477 / 20,975.
// On demand includes search's engine and rendering (searching.ts), loaded with Pagefind.
const budgets: Readonly<Record<string, Budget>> = {
	'home and 404': { pages: ['/', '/404.html'], firstVisitKiB: 30, onDemandKiB: 14 },
	'template pages': {
		pages: sections
			.map((section) => `/${section.slug}/`)
			.filter((path) => !widgetPages.includes(path)),
		firstVisitKiB: 46,
		onDemandKiB: 14,
	},
	'tool pages': { pages: toolPages, firstVisitKiB: 38, onDemandKiB: 19 },
	'whole sheet': { pages: ['/all/'], firstVisitKiB: 74, onDemandKiB: 23 },
};

/** Every HTML page of the build, by its path on the site: `/`, `/gunicorn/`, `/404.html`. */
function builtPages(): Map<string, string> {
	assert.ok(existsSync(join(dist, 'index.html')), `No build in ${dist}: run npm run build first.`);
	const pages = new Map<string, string>();
	for (const file of readdirSync(dist, { recursive: true }).map(String)) {
		if (!file.endsWith('.html')) continue;
		const htmlPath = `/${file.split(sep).join('/')}`;
		pages.set(htmlPath.replace(/(^|\/)index\.html$/, '$1'), htmlPath);
	}
	return pages;
}

const readSiteFile = (sitePath: string) => {
	const file = join(dist, decodeURIComponent(sitePath));
	return file.startsWith(dist) && existsSync(file) && statSync(file).isFile()
		? readFileSync(file)
		: undefined;
};

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

describe('byte budgets of the build', () => {
	const pages = builtPages();
	const weights = new Map<string, PageWeight>(
		[...pages].map(([path, html]) => [path, pageWeight(path, html, readSiteFile)]),
	);

	it('give every page of the build a budget, and every budgeted page is built', () => {
		const budgeted = Object.values(budgets).flatMap((budget) => budget.pages);
		assert.deepEqual(
			[...pages.keys()].filter((path) => !budgeted.includes(path)),
			[],
			'pages without a budget: add them to a kind',
		);
		assert.deepEqual(
			budgeted.filter((path) => !pages.has(path)),
			[],
			'budgeted pages missing from the build',
		);
		assert.equal(new Set(budgeted).size, budgeted.length, 'a page in two kinds');
	});

	for (const [kind, budget] of Object.entries(budgets)) {
		it(`${kind}: first visit (HTML + CSS + JS, gzip) ≤ ${budget.firstVisitKiB} KiB, on-demand scripts ≤ ${budget.onDemandKiB} KiB`, (context) => {
			const over: string[] = [];
			for (const path of budget.pages) {
				const weight = weights.get(path);
				assert.ok(weight, path);
				context.diagnostic(
					`${path}: ${weight.total} B = ${kib(weight.total)} (HTML ${weight.html}, CSS ${weight.css}, JS ${weight.js}); on demand ${weight.onDemandJs} B = ${kib(weight.onDemandJs)}`,
				);
				if (weight.total > budget.firstVisitKiB * 1024)
					over.push(
						`${path} first visit ${kib(weight.total)} > ${budget.firstVisitKiB} KiB (${weight.files.join(', ')})`,
					);
				if (weight.onDemandJs > budget.onDemandKiB * 1024)
					over.push(
						`${path} on-demand scripts ${kib(weight.onDemandJs)} > ${budget.onDemandKiB} KiB`,
					);
			}
			assert.deepEqual(over, []);
		});
	}
});
