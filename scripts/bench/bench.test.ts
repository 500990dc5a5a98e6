import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	bytesVerdict,
	buildVerdict,
	fmtRuns,
	lighthouseVerdict,
	median,
	medianRun,
	needsMoreRuns,
	ratio,
	searchVerdict,
	summaryLine,
	table,
	withLastRun,
	type Scores,
} from './report.ts';
import { cssString, oursProbe, searchDrivers, stockProbe } from './search-drivers.ts';
import { splitSheet, stockPages, stockProjectFiles } from './stock-site.ts';
import { sections } from '#data/sections.ts';

const sheet = readFileSync(
	new URL('../../source/production-deployment-cheat-sheet.md', import.meta.url),
	'utf8',
);
const slugFor = (heading: string) => sections.find((section) => section.heading === heading)?.slug;

describe('the stock site', () => {
	it('has one page per section of the sheet, at our slug, titled with the sheet’s heading', () => {
		const pages = stockPages(sheet, slugFor);
		assert.deepEqual(
			pages.map((page) => page.path),
			['/', ...sections.map((section) => `/${section.slug}/`), '/all/'],
		);
		assert.deepEqual(
			pages.slice(1, -1).map((page) => page.title),
			sections.map((section) => section.heading),
		);
	});

	it('splits at headings outside code fences only, and drops the rules between sections', () => {
		const split = splitSheet(
			'# T\n\n> tag\n\n---\n\n## A\n\n```sh\n## not a heading\n```\n\n---\n\n## B\n\ntext\n',
		);
		assert.equal(split.title, 'T');
		assert.equal(split.intro, '> tag');
		assert.deepEqual(split.sections, [
			{ heading: 'A', body: '```sh\n## not a heading\n```' },
			{ heading: 'B', body: 'text' },
		]);
	});

	it('keeps every line of the sheet’s sections, the encoding repaired', () => {
		const pages = stockPages(sheet, slugFor);
		const gunicorn = pages.find((page) => page.path === '/gunicorn/')?.markdown ?? '';
		assert.match(
			gunicorn,
			/^---\ntitle: "Gunicorn Config Template"\n---\n\n```python\n# gunicorn\.conf\.py\n/,
		);
		const whole = pages.at(-1)?.markdown ?? '';
		assert.match(whole, /pagefind: false/);
		assert.match(whole, /\*\*Default choice\*\* — pre-built wheels work/);
		for (const line of sheet
			.split('\n')
			.filter((text) => text.startsWith('|') || text.startsWith('kubectl'))) {
			assert.ok(whole.includes(line.replace('â€”', '—')), line);
		}
	});

	it('is a plain Starlight project: a title and the docs collection, nothing else', () => {
		const files = stockProjectFiles(stockPages(sheet, slugFor), 'Sheet');
		assert.match(
			files.get('astro.config.mjs') ?? '',
			/integrations: \[starlight\(\{ title: "Sheet" \}\)\]/,
		);
		assert.ok(files.has('src/content.config.ts'));
		assert.ok(files.has('src/content/docs/index.md'));
		assert.ok(files.has('src/content/docs/workers.md'));
		assert.ok(files.has('src/content/docs/all.md'));
	});
});

describe('the report', () => {
	it('takes medians of the finite values', () => {
		assert.equal(median([3, 1, 2]), 2);
		assert.equal(median([4, 1, 3, 2]), 2.5);
		assert.equal(median([Number.NaN, 5]), 5);
		assert.ok(Number.isNaN(median([])));
	});

	it('has no ratio without both figures', () => {
		assert.equal(ratio(3, 2), 1.5);
		assert.ok(Number.isNaN(ratio(3, 0)));
		assert.ok(Number.isNaN(ratio(Number.NaN, 2)));
	});

	it('allows 5 % more bytes than stock on plain pages and 25 % on widget pages', () => {
		assert.equal(bytesVerdict('/gunicorn/', 105, 100).pass, true);
		assert.equal(bytesVerdict('/gunicorn/', 106, 100).pass, false);
		assert.equal(bytesVerdict('/metrics/', 125, 100).pass, true);
		assert.equal(bytesVerdict('/all/', 126, 100).pass, false);
		assert.equal(
			bytesVerdict('/', 100, Number.NaN).pass,
			false,
			'a page without a stock figure does not pass',
		);
	});

	it('wants 100 in every Lighthouse category and a build at most 1.5 times stock’s', () => {
		const all = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 };
		assert.equal(lighthouseVerdict('/', all).pass, true);
		assert.equal(lighthouseVerdict('/', { ...all, seo: 92 }).pass, false);
		assert.equal(lighthouseVerdict('/', { ...all, performance: Number.NaN }).pass, false);
		assert.equal(buildVerdict(15_000, 10_000).pass, true);
		assert.equal(buildVerdict(15_001, 10_000).pass, false);
	});

	it('sums up which budgets fail in one line', () => {
		const pass = buildVerdict(1, 1);
		const fail = bytesVerdict('/workers/', 200, 100);
		assert.equal(summaryLine([pass]), 'BUDGETS: all 1 pass.');
		assert.equal(
			summaryLine([pass, fail]),
			'BUDGETS: 1 of 2 FAIL: First-visit bytes /workers/ (200 B = 2.000× stock; limit ≤ 1.25×).',
		);
	});

	it('prints Markdown tables, numbers right-aligned', () => {
		assert.equal(
			table(
				['Page', ' Bytes'],
				[
					['/', '10'],
					['/a|b/', '1,000'],
				],
			),
			'| Page   | Bytes |\n| ------ | ----: |\n| /      |    10 |\n| /a\\|b/ | 1,000 |',
		);
	});

	it('judges our search by issue 9’s absolute medians, stock’s beside them', () => {
		const warm = searchVerdict('warm', [100, 149, 120, 300], 340);
		assert.deepEqual(warm, {
			budget: 'Search warm, median',
			measured: '135 ms (stock 340 ms)',
			limit: '< 150 ms',
			pass: true,
		});
		assert.equal(
			searchVerdict('warm', [150, 150, 150], 300).pass,
			false,
			'the limit is a strict bound',
		);
		assert.equal(searchVerdict('cold', [249, 200, 240], Number.NaN).pass, true);
		assert.equal(searchVerdict('cold', [250, 200, 260], 360).pass, false);
	});

	it('counts a query without a result as slower than any in the search budget', () => {
		const verdict = searchVerdict('warm', [100, 110, Number.NaN, Number.NaN], 340);
		assert.equal(verdict.pass, false);
		assert.equal(verdict.measured, 'n/a, 2 of 4 without a result (stock 340 ms)');
		assert.equal(
			searchVerdict('cold', [100, 110, Number.NaN], 340).measured,
			'110 ms, 1 of 3 without a result (stock 340 ms)',
		);
		assert.equal(searchVerdict('cold', [], 340).pass, false, 'no search, no pass');
		assert.equal(searchVerdict('cold', [Number.NaN], 340).pass, false);
	});
});

describe('docs/benchmark.md', () => {
	const start = '<!-- bench:last-run:start -->';
	const end = '<!-- bench:last-run:end -->';

	it('takes the last run between its markers and keeps every other line as written', () => {
		const doc = `# Benchmark\n\nHow it works.\n\n${start}\nold run\n${end}\n\nAfter.\n`;
		assert.equal(
			withLastRun(doc, '## Run 2\n\nfigures\n'),
			`# Benchmark\n\nHow it works.\n\n${start}\n## Run 2\n\nfigures\n${end}\n\nAfter.\n`,
		);
		assert.equal(
			withLastRun(withLastRun(doc, 'a'), 'a'),
			withLastRun(doc, 'a'),
			'a second run of the same report changes nothing',
		);
	});

	it('adds the markers where the file has lost them, and writes a file where there is none', () => {
		assert.equal(
			withLastRun('# Benchmark\n\nText.\n', 'run'),
			`# Benchmark\n\nText.\n\n${start}\nrun\n${end}\n`,
		);
		assert.equal(
			withLastRun(`# B\n${end}\n${start}\n`, 'run'),
			`# B\n${end}\n${start}\n\n${start}\nrun\n${end}\n`,
			'markers out of order count as none',
		);
		assert.equal(withLastRun(undefined, 'run'), `# Benchmark\n\n${start}\nrun\n${end}\n`);
	});

	it('is the file the benchmark writes, markers in place', () => {
		const doc = readFileSync(new URL('../../docs/benchmark.md', import.meta.url), 'utf8');
		assert.equal(doc.split(start).length, 2, 'one start marker');
		assert.ok(doc.indexOf(end) > doc.indexOf(start), 'the end marker after the start');
	});
});

describe('Lighthouse runs', () => {
	const run = (performance: number, name = String(performance)) => ({
		name,
		scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 } satisfies Scores,
	});

	it('runs a page again only when its first run scored under 100 in performance (or failed)', () => {
		assert.equal(needsMoreRuns(run(100).scores), false);
		assert.equal(needsMoreRuns(run(99).scores), true);
		assert.equal(needsMoreRuns(run(Number.NaN).scores), true);
		assert.equal(
			needsMoreRuns({ ...run(100).scores, seo: 90 }),
			false,
			'the other categories do not move with load',
		);
	});

	it('takes the median run by performance score, a failed run lowest', () => {
		assert.equal(medianRun([run(99, 'a'), run(100, 'b'), run(100, 'c')])?.name, 'b');
		assert.equal(medianRun([run(99, 'a'), run(98, 'b'), run(100, 'c')])?.name, 'a');
		assert.equal(medianRun([run(100, 'a'), run(Number.NaN, 'b'), run(99, 'c')])?.name, 'c');
		assert.equal(medianRun([run(Number.NaN, 'a'), run(Number.NaN, 'b'), run(100, 'c')])?.name, 'b');
		assert.equal(medianRun([run(100, 'a'), run(99, 'b')])?.name, 'b', 'of two, the lower');
		assert.equal(medianRun([run(97, 'a')])?.name, 'a');
		assert.equal(medianRun([]), undefined);
	});

	it('says how many runs a verdict stands on, and lists their scores', () => {
		const scores = run(100).scores;
		assert.equal(
			lighthouseVerdict('/sentry/', scores, 3).measured,
			'100 / 100 / 100 / 100 (median of 3 runs)',
		);
		assert.equal(lighthouseVerdict('/sentry/', scores, 1).measured, '100 / 100 / 100 / 100');
		assert.equal(fmtRuns([run(99), run(100), run(Number.NaN)]), '99, 100, n/a');
	});
});

describe('the search drivers', () => {
	it('time ours to a result of the whole, trimmed query, as the results list names it', () => {
		assert.deepEqual(oursProbe(' p99 '), {
			hit: '#site-search-results[data-query="p99"] [role=option]',
			none: { selector: '#site-search-status', text: 'No results for “p99”' },
		});
	});

	it('time stock to a result link while Pagefind UI’s message names the whole query', () => {
		assert.deepEqual(stockProbe('gunicorn'), {
			hit: '#starlight__search .pagefind-ui__results .pagefind-ui__result-link',
			whole: { selector: '#starlight__search .pagefind-ui__message', text: 'gunicorn' },
			none: {
				selector: '#starlight__search .pagefind-ui__message',
				text: 'No results for gunicorn',
			},
		});
	});

	it('quote CSS strings', () => {
		assert.equal(cssString('WEB_CONCURRENCY'), '"WEB_CONCURRENCY"');
		assert.equal(cssString('a"b\\c'), '"a\\"b\\\\c"');
		assert.equal(cssString('a\nb'), '"a\\a b"');
	});

	it('have one driver per site', () => {
		assert.deepEqual(Object.keys(searchDrivers).sort(), ['ours', 'stock']);
		assert.equal(searchDrivers.ours.probe('x').hit, oursProbe('x').hit);
		assert.equal(searchDrivers.stock.probe('x').hit, stockProbe('x').hit);
	});
});
