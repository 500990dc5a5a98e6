/**
 * What Pagefind indexed, read from the build's fragments (each page's indexed text, the text that
 * search matches and quotes in its excerpts), held against the page it came from:
 *
 * - no UI label: the text of every control, field label, chip, count, status message and
 *   decoration on the page, and the labels Expressive Code gives its frames and copy button, may
 *   occur in the index no more often than in the page's content without them;
 * - no glued words: every word of the index is a word a reader sees on the page, where table
 *   cells, code lines and other boxes stand apart (Pagefind joins the text of elements it does not
 *   treat as blocks, `th` and `dd` among them);
 * - the sheet itself: every template's first line, every table cell, every section's title and
 *   summary, on its own page.
 *
 * Chrome is found by what it is (a button, a label, a live region, aria-hidden text), not by a
 * list of its words, so a new button is checked as soon as it is built. Reads files only: no
 * browser. The index is the same for both builds, so it runs on the root one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { HtmlElement, Parser, StaticConfigLoader, TextNode, type DOMNode } from 'html-validate';
import { metricRows } from '#data/metrics.ts';
import { sections } from '#data/sections.ts';
import { cellText } from '#lib/sheet/sheet.ts';
import { sheet } from './fixtures.ts';

interface Fragment {
	url: string;
	content: string;
}

/** Pagefind's fragment files: gzip around `pagefind_dcd` and the page's JSON. */
function readFragments(outDir: string): Fragment[] {
	const dir = join(outDir, 'pagefind', 'fragment');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.pf_fragment'))
		.map((file) => {
			const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
			return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
		})
		.sort((a, b) => a.url.localeCompare(b.url));
}

const parser = new Parser(await new StaticConfigLoader().getConfigFor('page.html'));

/** The indexed part of a built page: Starlight marks `<main>` as Pagefind's body. */
function indexedRoot(outDir: string, url: string): HtmlElement {
	const root = parser
		.parseHtml(readFileSync(join(outDir, url, 'index.html'), 'utf8'))
		.querySelector('[data-pagefind-body]');
	if (!root) throw new Error(`${url}: no element with data-pagefind-body`);
	return root;
}

const namedEntities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};
/** The parser keeps character references as written. */
const decode = (text: string) =>
	text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
		if (name.startsWith('#x') || name.startsWith('#X'))
			return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
		const character = namedEntities[name];
		if (character === undefined) throw new Error(`unknown character reference ${reference}`);
		return character;
	});

const attribute = (element: HtmlElement, name: string) => {
	const value = element.getAttribute(name)?.value;
	return typeof value === 'string' ? decode(value) : undefined;
};

/** What a page never shows as text, and Pagefind never reads. */
const unread = new Set(['script', 'style', 'template', 'noscript', 'svg', 'iframe']);
/** Elements a reader sees apart from their neighbours (a superset of what Pagefind treats as blocks). */
const boxes = new Set(
	'address article aside blockquote br button caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr img input label legend li main nav ol option output p pre section select summary table tbody td textarea tfoot th thead tr ul'.split(
		' ',
	),
);
const isBox = (element: HtmlElement) => boxes.has(element.tagName) || element.tagName.includes('-');

/** The text as a reader sees it, boxes apart; `skip` leaves elements out (a gap in their place). */
function readerText(node: DOMNode, skip: (element: HtmlElement) => boolean = () => false): string {
	let text = '';
	for (const child of node.childNodes) {
		if (child instanceof TextNode) text += decode(child.textContent);
		else if (child instanceof HtmlElement && !unread.has(child.tagName)) {
			if (skip(child)) text += ' ';
			else text += isBox(child) ? ` ${readerText(child, skip)} ` : readerText(child, skip);
		}
	}
	return text;
}

const squashSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether an element's text is the accessible name of one of its ancestors. */
function namesAncestor(element: HtmlElement): boolean {
	const text = squashSpace(readerText(element));
	for (let ancestor = element.parent; ancestor; ancestor = ancestor.parent) {
		if (text && attribute(ancestor, 'aria-label') === text) return true;
	}
	return false;
}

/**
 * The page's chrome: controls and what they say, not the sheet. A column's sort button is the
 * exception: its text is the column's header, which is the sheet's.
 */
function isChrome(element: HtmlElement): boolean {
	const tag = element.tagName;
	const role = attribute(element, 'role');
	if (tag === 'button') return !element.closest('th');
	return (
		// The tools' forms: fields, their labels, headings, hints and results.
		['form', 'label', 'legend', 'select', 'option', 'textarea'].includes(tag) ||
		// Messages a script writes: counts, results, errors, the offline note.
		element.hasAttribute('aria-live') ||
		role === 'status' ||
		role === 'alert' ||
		// Decoration hidden from assistive technology (a chip group's label), unless it is the
		// visible title of a container named the same (an aside's title: the note's own words).
		(attribute(element, 'aria-hidden') === 'true' && !namesAncestor(element)) ||
		// Links dressed as the tools' buttons.
		element.classList.contains('tool-button') ||
		// Expressive Code's name of a frame for screen readers ("Terminal window").
		(element.classList.contains('sr-only') && element.closest('figcaption') !== null)
	);
}

/** Header cells of columns whose every body cell is chrome (the metrics table's "Rule"). */
function chromeHeaders(root: HtmlElement): Set<HtmlElement> {
	const headers = new Set<HtmlElement>();
	for (const table of root.querySelectorAll('table')) {
		const headerCells = table.querySelectorAll('thead th');
		const rows = table.querySelectorAll('tbody tr');
		headerCells.forEach((th, index) => {
			const cells = rows.map(
				(row) => row.childElements.filter((cell) => cell.tagName === 'td')[index],
			);
			const allChrome = cells.every(
				(cell) =>
					cell &&
					squashSpace(readerText(cell)) !== '' &&
					squashSpace(readerText(cell, isChrome)) === '',
			);
			if (rows.length > 0 && allChrome) headers.add(th);
		});
	}
	return headers;
}

/** Attributes whose values are labels too: tooltips, accessible names, Expressive Code's "Copied!". */
const labelAttributes = ['aria-label', 'title', 'placeholder', 'data-copied'];

/** Every UI label of a page, and the page's content without its chrome. */
function labelsAndContent(root: HtmlElement): { labels: Set<string>; content: string } {
	const headers = chromeHeaders(root);
	const chrome = (element: HtmlElement) => isChrome(element) || headers.has(element);
	const labels = new Set<string>();
	const add = (text: string | undefined) => {
		const label = squashSpace(text ?? '');
		if (label) labels.add(label);
	};
	const visit = (element: HtmlElement) => {
		for (const name of labelAttributes) add(attribute(element, name));
		if (chrome(element)) {
			add(readerText(element));
			// A tool's parts each count on their own: its heading, a hint, one field's label.
			for (const part of element.querySelectorAll(
				'h2, h3, h4, h5, h6, p, label, legend, button, output, li',
			))
				add(readerText(part));
		}
		for (const child of element.childElements) if (!unread.has(child.tagName)) visit(child);
	};
	visit(root);
	return { labels, content: readerText(root, chrome) };
}

/** Occurrences of a phrase, case-insensitive, not inside a longer word. */
function occurrences(text: string, phrase: string): number {
	const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const words = phrase.split(' ').map(escape).join('\\s+');
	const before = /^[\p{L}\p{N}]/u.test(phrase) ? '(?<![\\p{L}\\p{N}])' : '';
	const after = /[\p{L}\p{N}]$/u.test(phrase) ? '(?![\\p{L}\\p{N}])' : '';
	return [...text.matchAll(new RegExp(`${before}${words}${after}`, 'giu'))].length;
}

test.describe('the search index', () => {
	let fragments: Fragment[] = [];
	let outDir = '';
	test.beforeAll(({}, testInfo) => {
		outDir = String(testInfo.project.metadata['outDir']);
		fragments = readFragments(outDir);
	});
	const fragmentOf = (slug: string) =>
		fragments.find((fragment) => fragment.url.replace(/^\/|\/$/g, '') === slug);

	test('holds the home page and each section page, and no other', () => {
		expect(fragments.map((fragment) => fragment.url).sort()).toEqual(
			['/', ...sections.map((section) => `/${section.slug}/`)].sort(),
		);
	});

	test('holds no UI label: no button, field label, chip, count, status or frame label', () => {
		const found: string[] = [];
		let checked = 0;
		for (const fragment of fragments) {
			const { labels, content } = labelsAndContent(indexedRoot(outDir, fragment.url));
			for (const label of labels) {
				checked += 1;
				const indexed = occurrences(fragment.content, label);
				const inContent = occurrences(content, label);
				if (indexed > inContent)
					found.push(
						`${fragment.url}: “${label}” ×${indexed} in the index, ×${inContent} in the page’s content`,
					);
			}
		}
		expect(checked).toBeGreaterThan(50);
		expect(found).toEqual([]);
	});

	test('glues no two words together', () => {
		const glued: string[] = [];
		for (const fragment of fragments) {
			const words = new Set(readerText(indexedRoot(outDir, fragment.url)).split(/\s+/));
			for (const word of new Set(fragment.content.split(/\s+/).filter(Boolean))) {
				// Pagefind ends a block's text with a full stop unless it ends in punctuation.
				if (!words.has(word) && !(word.endsWith('.') && words.has(word.slice(0, -1))))
					glued.push(`${fragment.url}: ${word}`);
			}
		}
		expect(glued).toEqual([]);
		// The ones a reader found: a table cell into the next, a note's buttons, a code line into the next.
		const everything = fragments
			.map((fragment) => fragment.content)
			.join('\n')
			.toLowerCase();
		for (const nonsense of [
			'trafficsum',
			'sizemax',
			'reload×',
			'appbind',
			'typecounter',
			'metricsmetric',
		])
			expect(everything).not.toContain(nonsense);
	});

	test('holds the sheet: every template, table cell, section title and summary', () => {
		const missing: string[] = [];
		const everything = fragments.map((fragment) => squashSpace(fragment.content)).join('\n');
		for (const block of sheet.codeBlocks) {
			const firstLine = squashSpace(block.code.split('\n')[0] ?? '');
			if (!everything.includes(firstLine))
				missing.push(`first line of the ${block.heading} template: ${firstLine}`);
		}
		for (const section of sections) {
			const content = squashSpace(fragmentOf(section.slug)?.content ?? '');
			for (const text of [section.heading, section.summary])
				if (!content.includes(text)) missing.push(`/${section.slug}/: ${text}`);
			for (const table of sheet.tables.filter((entry) => entry.heading === section.heading)) {
				for (const cell of [...table.header, ...table.rows.flat()])
					if (!content.includes(cellText(cell)))
						missing.push(`/${section.slug}/: table cell ${cellText(cell)}`);
			}
		}
		for (const row of metricRows) {
			const name = cellText(row.cells.metric);
			if (!squashSpace(fragmentOf('metrics')?.content ?? '').includes(name))
				missing.push(`/metrics/: metric ${name}`);
		}
		expect(missing).toEqual([]);
	});

	test('holds the hardened and added templates, though their tab is hidden at first', () => {
		const expected: Array<[string, string]> = [
			['dockerfile', 'uv sync --locked --no-dev --no-editable --no-install-project'],
			['dockerfile', 'UV_PYTHON_DOWNLOADS=0'],
			['gunicorn', 'worker_class = "uvicorn_worker.UvicornWorker"'],
			['gunicorn', '--proxy-headers'],
			['health-checks', 'async with asyncio.timeout(2):'],
			['health-checks', 'resource: limits.cpu'],
			['logging', 'foreign_pre_chain=shared_processors,'],
		];
		const missing = expected.filter(
			([slug, text]) => !squashSpace(fragmentOf(slug)?.content ?? '').includes(squashSpace(text)),
		);
		expect(missing).toEqual([]);
	});

	test('finds 5xx: the word stands alone on the metrics page', () => {
		// Pagefind indexes a word's letters and digits, and its parts only where punctuation or a
		// change of case or digit splits it: `status="5xx"` is indexed as `status5xx`, `status` and
		// `xx`, so `5xx` is found only where it is a word of its own.
		const words = (fragmentOf('metrics')?.content ?? '')
			.split(/\s+/)
			.map((word) => word.replace(/[^\p{L}\p{N}_]/gu, '').toLowerCase());
		expect(words).toContain('5xx');
	});
});
