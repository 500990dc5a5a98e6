import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { searchAliases } from '#data/search-aliases.ts';
import { sections } from '#data/sections.ts';
import { excerptSegments } from './excerpt.ts';
import {
	closestWords,
	correctTypos,
	editDistance,
	expandQuery,
	isSearchable,
	vocabularyOf,
	wordsOf,
} from './query.ts';
import {
	codeHoldsPhrase,
	holdsWords,
	markMatches,
	matchesQuery,
	matchingCode,
	phraseStrength,
	rankResults,
	withTextFragment,
} from './rank.ts';
import { MAX_RECENT_SEARCHES, readRecentSearches, withRecentSearch } from './recent.ts';
import { searchPages } from './terms.ts';

const sheet = readFileSync(
	new URL('../../../source/production-deployment-cheat-sheet.md', import.meta.url),
	'utf8',
);
const pages = searchPages(sheet, sections);
const bySlug = new Map(pages.map((page) => [page.slug, page]));
const vocabulary = vocabularyOf(pages.map((page) => page.text));

describe('search terms of each page', () => {
	it('describe every section, with its code, headings and summary', () => {
		assert.deepEqual(
			pages.map((page) => page.slug),
			sections.map((section) => section.slug),
		);
		assert.ok(
			bySlug.get('health-checks')?.code.includes('            await s.execute(text("SELECT 1"))'),
		);
		assert.deepEqual(bySlug.get('logging')?.headings, [
			'structlog Setup Template',
			'Request Logging Middleware',
		]);
		for (const section of sections)
			assert.ok(
				bySlug.get(section.slug)?.text.includes(section.summary.toLowerCase()),
				section.slug,
			);
	});

	it('hold a section’s text without Markdown marks, so phrases compare as a reader sees them', () => {
		const base = bySlug.get('base-images')?.text ?? '';
		assert.match(base, /python:3\.12-slim ~120 mb default choice — pre-built wheels work/);
		assert.doesNotMatch(base, /[`*|]/);
	});
});

describe('query words, aliases and typos', () => {
	it('has nothing to search in punctuation or emoji alone', () => {
		for (const query of ['.*', '!!! ??? ...', '🚀🔥🐍', '   '])
			assert.equal(isSearchable(query), false, query);
		for (const query of ['p99', '/readyz', '--frozen', 'ÄÖ'])
			assert.equal(isSearchable(query), true, query);
		assert.deepEqual(wordsOf('os.getenv("WEB_CONCURRENCY")'), ['os', 'getenv', 'web_concurrency']);
	});

	it('searches an alias term as each of its meanings, after the query itself', () => {
		assert.deepEqual(
			expandQuery('k8s rollout', searchAliases).map((search) => search.query),
			['k8s rollout', 'kubernetes rollout', 'kubectl rollout'],
		);
		assert.deepEqual(expandQuery('ENV VAR', searchAliases)[1], { query: 'getenv', alias: true });
		// Whole words only: “envelope” is not “env”.
		assert.deepEqual(expandQuery('envelope', searchAliases), [{ query: 'envelope', alias: false }]);
	});

	it('counts a swap of two neighbouring letters as one edit', () => {
		assert.equal(editDistance('gunicron', 'gunicorn'), 1);
		assert.equal(editDistance('healtz', 'healthz'), 1);
		assert.equal(editDistance('kitten', 'sitting'), 3);
		assert.equal(editDistance('abc', 'abcdef', 1), 2, 'stops once over the limit');
	});

	it('corrects a one-letter typo in a word of five letters or more to a word the sheet uses', () => {
		assert.equal(correctTypos('gunicron', vocabulary), 'gunicorn');
		assert.equal(correctTypos('structlgo setup', vocabulary), 'structlog setup');
		assert.ok(['health', 'healthz'].includes(correctTypos('healtz', vocabulary) ?? ''));
		assert.equal(correctTypos('gunicorn', vocabulary), undefined, 'a word of the sheet stays');
		assert.equal(correctTypos('uvx', vocabulary), undefined, 'short words are left alone');
		assert.equal(correctTypos('zzzzzzzz', vocabulary), undefined);
		for (const typing of ['grace', 'opent', 'rollo', 'traces', 'sample'])
			assert.equal(
				correctTypos(typing, vocabulary),
				undefined,
				`${typing} starts a word of the sheet`,
			);
	});

	it('offers the closest words of the sheet when nothing matches', () => {
		assert.deepEqual(closestWords('gunicrn', vocabulary).slice(0, 1), ['gunicorn']);
		assert.deepEqual(closestWords('qqqqqqqq', vocabulary), []);
		assert.deepEqual(
			closestWords('asdf', vocabulary),
			[],
			'no three-letter words, one edit for short ones',
		);
	});
});

describe('ranking and code lines', () => {
	const result = (slug: string, alias = false) => ({ slug, alias });

	it('puts the page holding the exact phrase first, a heading above the text', () => {
		const ranked = rankResults([result('metrics'), result('health-checks')], 'SELECT 1', bySlug);
		assert.deepEqual(
			ranked.map((item) => item.slug),
			['health-checks', 'metrics'],
		);
		assert.equal(phraseStrength('Request Logging Middleware', bySlug.get('logging')), 2);
		assert.equal(phraseStrength('--frozen', bySlug.get('dockerfile')), 1);
		assert.equal(phraseStrength('.*', bySlug.get('dockerfile')), 0);
		assert.equal(
			phraseStrength('reload', bySlug.get('gunicorn')),
			0,
			'preload_app does not hold reload',
		);
		assert.equal(phraseStrength('sample_rate', bySlug.get('sentry')), 1);
	});

	it('puts results found through an alias after the exact phrase and before the rest', () => {
		const ranked = rankResults([result('base-images'), result('gunicorn', true)], '502', bySlug);
		assert.deepEqual(
			ranked.map((item) => item.slug),
			['gunicorn', 'base-images'],
		);
	});

	it('within a group, puts a page more of the searches found first, else keeps Pagefind’s order', () => {
		const ranked = rankResults(
			[
				{ ...result('logging', true), hits: 1 },
				{ ...result('metrics', true), hits: 2 },
				{ ...result('workers', true), hits: 1 },
			],
			'latency',
			bySlug,
		);
		assert.deepEqual(
			ranked.map((item) => item.slug),
			['metrics', 'logging', 'workers'],
		);
	});

	it('puts a page whose own sheet text holds the alias’s meaning before one that only mentions it elsewhere', () => {
		const ranked = rankResults(
			[result('quick-commands', true), result('metrics', true)],
			'latency',
			bySlug,
			['p99', 'duration'],
		);
		assert.deepEqual(
			ranked.map((item) => item.slug),
			['metrics', 'quick-commands'],
		);
		assert.equal(holdsWords('kubernetes workers', bySlug.get('workers')), true);
		assert.equal(holdsWords('kubernetes workers', bySlug.get('quick-commands')), false);
	});

	it('finds the code line that holds the phrase, else all its words', () => {
		assert.deepEqual(matchingCode('/readyz', bySlug.get('health-checks')), {
			line: '@router.get("/readyz")',
		});
		assert.deepEqual(matchingCode('kubectl undo', bySlug.get('quick-commands')), {
			line: 'kubectl rollout undo deployment/fastapi-service  # rollback',
		});
		assert.equal(matchingCode('nothing here', bySlug.get('quick-commands')), undefined);
	});

	it('says which template tab shows a line that only one of them has', () => {
		const page = {
			...pages[0]!,
			code: ['RUN uv sync --frozen', 'WORKDIR /app'],
			hardenedCode: ['RUN uv sync --locked', '  WORKDIR /app', 'USER 10001'],
			addedCode: ['.venv', 'USER 10001 # added'],
		};
		assert.deepEqual(matchingCode('workdir', page), { line: 'WORKDIR /app' });
		assert.deepEqual(matchingCode('--frozen', page), {
			line: 'RUN uv sync --frozen',
			variant: 'Cheat sheet',
		});
		assert.deepEqual(matchingCode('uv sync', page), {
			line: 'RUN uv sync --frozen',
			variant: 'Cheat sheet',
		});
		assert.deepEqual(matchingCode('10001', { ...page, addedCode: [] }), {
			line: 'USER 10001',
			variant: 'Hardened',
		});
		// A template the sheet lacks shows on its own, not in a tab.
		assert.deepEqual(matchingCode('.venv', page), { line: '.venv' });
		assert.deepEqual(matchingCode('USER 10001', page), { line: 'USER 10001 # added' });
		// A page without hardened templates has one tab or none: nothing to open.
		assert.deepEqual(matchingCode('--frozen', { ...page, hardenedCode: [] }), {
			line: 'RUN uv sync --frozen',
		});
	});

	it('finds a phrase in any template’s code where a word starts, not inside a word', () => {
		const page = {
			...pages[0]!,
			code: ['preload_app = True'],
			hardenedCode: ['endpoint = os.getenv("OTEL_EXPORTER_OTLP_ENDPOINT")'],
			addedCode: [],
		};
		assert.equal(codeHoldsPhrase('OTEL_EXPORTER_OTLP_ENDPOINT', page), true);
		assert.equal(codeHoldsPhrase('preload', page), true);
		assert.equal(codeHoldsPhrase('reload', page), false);
	});

	it('links to the line with a text fragment, after the heading it falls back to', () => {
		assert.equal(
			withTextFragment('/logging/#request-logging-middleware', 'async def send(message):'),
			'/logging/#request-logging-middleware:~:text=async%20def%20send(message)%3A',
		);
		assert.equal(
			withTextFragment(
				'/quick-commands/',
				'kubectl rollout undo deployment/fastapi-service  # rollback',
			),
			'/quick-commands/#:~:text=kubectl%20rollout%20undo%20deployment%2Ffastapi%2Dservice%20%20%23%20rollback',
		);
		// `-`, `,` and `&` would split the fragment into parts.
		assert.equal(withTextFragment('/a/', 'x-y, a&b'), '/a/#:~:text=x%2Dy%2C%20a%26b');
	});

	it('marks the phrase, or else each word, whatever its case', () => {
		assert.deepEqual(markMatches('RUN uv sync --frozen', '--FROZEN'), [
			{ text: 'RUN uv sync ', marked: false },
			{ text: '--frozen', marked: true },
		]);
		assert.deepEqual(
			markMatches('kubectl rollout undo', 'undo kubectl').map((segment) => segment.marked),
			[true, false, true],
		);
		assert.deepEqual(
			markMatches('from fastapi import app', 'a')
				.filter((segment) => segment.marked)
				.map((segment) => segment.text),
			['a'],
		);
	});
});

describe('Pagefind matches that are only a prefix of the query', () => {
	it('leave the result out, whole words and long prefixes keep it', () => {
		assert.equal(matchesQuery(['r'], 'reload'), false);
		assert.equal(matchesQuery(['size'], 'sizemax'), false);
		assert.equal(matchesQuery(['Gunicorn', 'gunicorn.conf.py'], 'gunicorn'), true);
		assert.equal(matchesQuery(['gunicorn'], 'gunic'), true, 'a word being typed');
		assert.equal(matchesQuery(['healthz'], 'healthzz'), true, 'seven of eight letters');
		assert.equal(matchesQuery(['--frozen'], '--frozen'), true);
		assert.equal(matchesQuery(['uv'], 'uv sync'), true, 'one word of the query matched');
		assert.equal(matchesQuery(['readiness'], 'ready'), true, 'Pagefind’s stemming');
		assert.equal(matchesQuery(['p99'], 'p9'), true);
		assert.equal(matchesQuery([], '.*'), true, 'nothing to judge');
	});
});

describe('Pagefind excerpts', () => {
	it('become plain text pieces: markup in the index stays text', () => {
		assert.deepEqual(
			excerptSegments('a &lt;script&gt;alert(1)&lt;/script&gt; <mark>healthz</mark> &amp; more'),
			[
				{ text: 'a <script>alert(1)</script> ', marked: false },
				{ text: 'healthz', marked: true },
				{ text: ' & more', marked: false },
			],
		);
		assert.deepEqual(excerptSegments('<img src=x onerror=alert(1)>ok'), [
			{ text: 'ok', marked: false },
		]);
		assert.deepEqual(
			excerptSegments(
				'in <mark>Kubernetes.</mark> and <mark>@router.get("/healthz").</mark>',
			).filter((segment) => segment.marked),
			[
				{ text: 'Kubernetes', marked: true },
				{ text: 'router.get("/healthz', marked: true },
			],
		);
	});
});

describe('recent searches', () => {
	it('ignore stored data that is missing, corrupted or of another shape', () => {
		for (const stored of [null, '', '{', '{"a":1}', '42', 'null'])
			assert.deepEqual(readRecentSearches(stored), [], String(stored));
		assert.deepEqual(readRecentSearches('["healthz", 3, "", "' + 'x'.repeat(201) + '", "p99"]'), [
			'healthz',
			'p99',
		]);
	});

	it('keep the newest first, once whatever its case, five at most', () => {
		let recent: string[] = [];
		for (const query of ['a', 'b', 'c', 'd', 'e', 'f', 'B '])
			recent = withRecentSearch(recent, query);
		assert.deepEqual(recent, ['B', 'f', 'e', 'd', 'c']);
		assert.equal(recent.length, MAX_RECENT_SEARCHES);
		assert.deepEqual(withRecentSearch(['a'], '   '), ['a']);
	});
});
