import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	createSearchEngine,
	type Pagefind,
	type PagefindResult,
	type SearchOutcome,
} from './engine.ts';
import { wordsOf, type SearchAlias } from './query.ts';
import { normalizeText, type SearchPage } from './terms.ts';

const base = '/docs/';

/** A page of `search-terms.json`: its text holds its title and its sheet code, as searchPages writes it. */
const page = (
	slug: string,
	title: string,
	text: string,
	code: string[] = [],
	more: Partial<SearchPage> = {},
): SearchPage => ({
	slug,
	title,
	summary: `${title}.`,
	headings: [title],
	text: normalizeText([title, text, ...code].join('\n')),
	code,
	hardenedCode: [],
	addedCode: [],
	...more,
});

const pages = [
	page('gunicorn', 'Gunicorn Config', 'workers and graceful_timeout', [
		'# gunicorn.conf.py',
		'graceful_timeout = 30',
		'preload_app = True',
	]),
	page('kubernetes', 'Kubernetes Deployment', 'a rolling deployment', [
		'kind: Deployment  # kubernetes',
	]),
	page('quick-commands', 'Quick Commands', 'for k8s clusters', [
		'kubectl get pods  # k8s',
		'kubectl rollout undo deployment/app',
	]),
	page(
		'dockerfile',
		'Dockerfile',
		'uv sync --frozen builds the image',
		['RUN uv sync --frozen', 'RUN groupadd -r app'],
		{ hardenedCode: ['RUN uv sync --locked', 'RUN groupadd -r app'] },
	),
	page('logging', 'Logging', 'the request duration on each line'),
	page('metrics', 'Metrics', 'p99 of the request duration'),
	page('opentelemetry', 'OpenTelemetry', 'traces and spans', [], {
		summary: 'Traces & spans <OTLP>.',
		hardenedCode: ['endpoint = os.getenv("OTEL_EXPORTER_OTLP_ENDPOINT")'],
	}),
	page('health-checks', 'Health Checks', '/healthz and /readyz'),
];

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Pagefind as the engine sees it, over the pages' text: a page is found when each word of the
 * term starts a word of it, or, as Pagefind falls back for a word it does not hold, when a word
 * of the page is a prefix of the term's word (`r` of `groupadd -r` for `reload`). Its excerpt is
 * the page's text, escaped, each matching token in `<mark>`. It answers once `answersAfter` has
 * resolved, if given.
 */
function fakePagefind(answersAfter?: Promise<void>) {
	const calls = { options: [] as Record<string, unknown>[], init: 0, searches: [] as string[] };
	const pagefind: Pagefind = {
		options: async (options) => void calls.options.push(options),
		init: async () => void calls.init++,
		async search(term) {
			calls.searches.push(term);
			await answersAfter;
			const results: PagefindResult[] = [];
			for (const { slug, title, text } of pages) {
				const tokens = text.split(/\s+/);
				const matching = (word: string, token: string) =>
					wordsOf(token).some((part) => part.startsWith(word));
				const prefixOf = (word: string, token: string) =>
					wordsOf(token).some((part) => word.startsWith(part));
				const marked = new Set<string>();
				const found = wordsOf(term).every((word) => {
					const hits = tokens.filter((token) => matching(word, token));
					const fallback = hits.length > 0 ? hits : tokens.filter((token) => prefixOf(word, token));
					for (const token of fallback) marked.add(token);
					return fallback.length > 0;
				});
				if (!found) continue;
				const excerpt = tokens
					.map((token) =>
						marked.has(token) ? `<mark>${escapeHtml(token)}</mark>` : escapeHtml(token),
					)
					.join(' ');
				results.push({
					id: slug,
					data: async () => ({ url: `${base}${slug}/`, excerpt, meta: { title }, sub_results: [] }),
				});
			}
			return { results };
		},
	};
	return { pagefind, calls };
}

const aliases: SearchAlias[] = [
	{ terms: ['k8s'], means: ['kubernetes'] },
	{ terms: ['latency'], means: ['duration', 'p99'] },
];

function engineOver(answersAfter?: Promise<void>) {
	const fake = fakePagefind(answersAfter);
	let loads = 0;
	const load = async () => {
		loads++;
		return { pagefind: fake.pagefind, pages };
	};
	return {
		engine: createSearchEngine({ load, base, aliases }),
		calls: fake.calls,
		loads: () => loads,
	};
}

/** The outcome, which must be found results. */
function found(outcome: SearchOutcome | undefined) {
	assert.equal(outcome?.kind, 'found', `found nothing: ${JSON.stringify(outcome)}`);
	return outcome as Extract<SearchOutcome, { kind: 'found' }>;
}
const slugs = (outcome: SearchOutcome | undefined) =>
	found(outcome).results.map((result) => result.slug);

describe('the search engine’s loading', () => {
	it('loads Pagefind once, with the site’s base path, and tries again after a failed load', async () => {
		const fake = fakePagefind();
		let loads = 0;
		const engine = createSearchEngine({
			load: async () => {
				loads++;
				if (loads === 1) throw new Error('offline');
				return { pagefind: fake.pagefind, pages };
			},
			base,
			aliases,
		});
		assert.deepEqual(await engine.search('gunicorn'), { kind: 'unavailable' });
		assert.deepEqual(slugs(await engine.search('gunicorn')), ['gunicorn']);
		engine.preload();
		assert.deepEqual(slugs(await engine.search('kubectl')), ['quick-commands']);
		assert.equal(loads, 2);
		assert.deepEqual(fake.calls.options, [{ baseUrl: base, excerptLength: 18 }]);
		assert.equal(fake.calls.init, 1);
	});

	it('asks nothing, and loads nothing, for a query without a word', async () => {
		const { engine, loads } = engineOver();
		assert.deepEqual(await engine.search('.*'), { kind: 'unsearchable' });
		assert.equal(loads(), 0);
	});
});

describe('what the search engine finds', () => {
	it('finds a page through an alias’s meaning, after the page that holds the words typed', async () => {
		const { engine, calls } = engineOver();
		const outcome = found(await engine.search('k8s'));
		assert.deepEqual(calls.searches, ['k8s', 'kubernetes']);
		assert.deepEqual(
			outcome.results.map(({ slug, alias, term }) => ({ slug, alias, term })),
			[
				{ slug: 'quick-commands', alias: false, term: 'k8s' },
				{ slug: 'kubernetes', alias: true, term: 'kubernetes' },
			],
		);
		// Each shows its line: with what was typed, else with the meaning that found it.
		assert.deepEqual(
			outcome.results.map((result) => result.code),
			[
				{ line: 'kubectl get pods  # k8s', term: 'k8s' },
				{ line: 'kind: Deployment  # kubernetes', term: 'kubernetes' },
			],
		);
		assert.equal(outcome.corrected, undefined);
		assert.equal(outcome.someWords, false);
	});

	it('puts a page more of the searches found first, whatever Pagefind’s order', async () => {
		const { engine } = engineOver();
		const outcome = found(await engine.search('latency'));
		// `duration` finds both (/logging/ first), `p99` /metrics/ alone.
		assert.deepEqual(
			outcome.results.map(({ slug, hits }) => ({ slug, hits })),
			[
				{ slug: 'metrics', hits: 2 },
				{ slug: 'logging', hits: 1 },
			],
		);
	});

	it('corrects a typo to a word of the sheet, and says so', async () => {
		const { engine, calls } = engineOver();
		const outcome = found(await engine.search('gunicron'));
		assert.equal(outcome.corrected, 'gunicorn');
		assert.deepEqual(calls.searches, ['gunicron', 'gunicorn']);
		assert.deepEqual(
			outcome.results.map(({ slug, term, code }) => ({ slug, term, code })),
			[
				{
					slug: 'gunicorn',
					term: 'gunicorn',
					code: { line: '# gunicorn.conf.py', term: 'gunicorn' },
				},
			],
		);
	});

	it('leaves out a page Pagefind reached by a prefix of the word only', async () => {
		const { engine } = engineOver();
		// Pagefind answers `reload` with /dockerfile/ for the `r` of `groupadd -r`: that is no match,
		// and the word is corrected to `preload` (of `preload_app`).
		const outcome = found(await engine.search('reload'));
		assert.equal(outcome.corrected, 'preload');
		assert.deepEqual(slugs(outcome), ['gunicorn']);
	});

	it('finds the pages with some of the words when none has them all', async () => {
		const { engine } = engineOver();
		const outcome = found(await engine.search('graceful kubectl'));
		assert.equal(outcome.someWords, true);
		assert.equal(outcome.corrected, undefined);
		assert.deepEqual(slugs(outcome), ['gunicorn', 'quick-commands']);
	});

	it('finds a page by its code when Pagefind split the text typed, and quotes its summary as text', async () => {
		const { engine } = engineOver();
		const [result, ...others] = found(await engine.search('OTEL_EXPORTER_OTLP_ENDPOINT')).results;
		assert.deepEqual(others, []);
		assert.equal(result?.slug, 'opentelemetry');
		assert.deepEqual(result?.data, {
			url: '/docs/opentelemetry/',
			excerpt: 'Traces &amp; spans &lt;OTLP&gt;.',
			meta: { title: 'OpenTelemetry' },
			sub_results: [],
		});
		// Only the hardened template has the line: the result says which tab shows it.
		assert.deepEqual(result?.code, {
			line: 'endpoint = os.getenv("OTEL_EXPORTER_OTLP_ENDPOINT")',
			variant: 'Hardened',
			term: 'OTEL_EXPORTER_OTLP_ENDPOINT',
		});
	});

	it('says which tab shows a line the other one changed', async () => {
		const { engine } = engineOver();
		const [result] = found(await engine.search('uv sync --frozen')).results;
		assert.deepEqual(result?.code, {
			line: 'RUN uv sync --frozen',
			variant: 'Cheat sheet',
			term: 'uv sync --frozen',
		});
	});

	it('offers the closest words and every section when nothing matches', async () => {
		const { engine } = engineOver();
		const outcome = await engine.search('helthzz');
		assert.equal(outcome?.kind, 'none');
		if (outcome?.kind !== 'none') return;
		assert.deepEqual(outcome.closestWords, ['healthz']);
		assert.deepEqual(
			outcome.sections.map((section) => section.url),
			pages.map((entry) => `/docs/${entry.slug}/`),
		);
		assert.deepEqual(outcome.sections[0], { title: 'Gunicorn Config', url: '/docs/gunicorn/' });
	});
});

describe('searches overtaken', () => {
	it('drop the outcome of a search a newer one overtook, and ask Pagefind nothing for it', async () => {
		const { engine, calls } = engineOver();
		const older = engine.search('gunicorn');
		const newer = engine.search('kubectl');
		assert.equal(await older, undefined);
		assert.deepEqual(slugs(await newer), ['quick-commands']);
		assert.deepEqual(calls.searches, ['kubectl']);
	});

	it('drop a search overtaken while Pagefind was still searching', async () => {
		let answer = () => {};
		const { engine, calls } = engineOver(new Promise((resolve) => (answer = resolve)));
		const running = engine.search('gunicorn');
		while (calls.searches.length === 0) await new Promise(setImmediate);
		engine.discard();
		answer();
		assert.equal(await running, undefined);
	});

	it('drop the searches running when a newer query is announced', async () => {
		const { engine } = engineOver();
		const running = engine.search('gunicorn');
		engine.discard();
		assert.equal(await running, undefined);
		assert.deepEqual(slugs(await engine.search('gunicorn')), ['gunicorn']);
	});
});
