/**
 * The search engine: which pages a query finds, in what order, and with which code line. Pagefind
 * runs each search; the engine adds the aliases, a typo correction, the pages with some of the
 * words when none has them all, the pages whose code Pagefind split apart, exact-phrase ranking
 * and the code lines of `search-terms.json`. Pure: Pagefind and the pages come from `load`.
 */
import { excerptSegments } from './excerpt.ts';
import {
	closestWords,
	correctTypos,
	expandQuery,
	isSearchable,
	vocabularyOf,
	wordsOf,
	type SearchAlias,
} from './query.ts';
import {
	codeHoldsPhrase,
	matchesQuery,
	matchingCode,
	phraseStrength,
	rankResults,
	type CodeMatch,
} from './rank.ts';
import type { SearchPage } from './terms.ts';

/** The part of Pagefind's API the engine uses (`pagefind.js`). */
export interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(term: string): Promise<{ results: PagefindResult[] } | null>;
}
export interface PagefindResult {
	id: string;
	data(): Promise<PagefindData>;
}
export interface PagefindData {
	url: string;
	/** HTML: the page's text, escaped, with `<mark>` around the matches. */
	excerpt: string;
	meta: { title?: string };
	sub_results: PagefindSubResult[];
}
export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	locations: number[];
}

/** What the engine loads, once, when search is about to be used. */
export interface SearchSources {
	pagefind: Pagefind;
	/** `search-terms.json`. */
	pages: SearchPage[];
}

export interface EngineOptions {
	load: () => Promise<SearchSources>;
	/** The site's base path, with its trailing slash: Pagefind's URLs start with it. */
	base: string;
	aliases: readonly SearchAlias[];
}

export interface Result {
	data: PagefindData;
	slug: string | undefined;
	alias: boolean;
	/** The search that found it first: the query, an alias's meaning, a corrected word. */
	term: string;
	/** How many of the searches found it. */
	hits: number;
	/** The line to show and what to mark in it: what was typed, else what found the page. */
	code?: CodeMatch & { term: string };
}

export type SearchOutcome =
	/** Nothing to search for (`.*`, emoji): Pagefind is not asked. */
	| { kind: 'unsearchable' }
	/** Pagefind or the search terms did not load (offline before the site was saved). */
	| { kind: 'unavailable' }
	| { kind: 'none'; closestWords: string[]; sections: { title: string; url: string }[] }
	/** `corrected`: the results are those of the query with its typos corrected; `someWords`: of some of its words. */
	| { kind: 'found'; results: Result[]; corrected: string | undefined; someWords: boolean };

export interface SearchEngine {
	/** Starts loading Pagefind and the search terms, if they are not loaded yet. */
	preload(): void;
	/** Drops the searches still running (a newer query is coming): they resolve to `undefined`. */
	discard(): void;
	/** What the query finds; `undefined` when a newer search (or `discard`) came before it was done. */
	search(query: string): Promise<SearchOutcome | undefined>;
}

interface Loaded {
	pagefind: Pagefind;
	pages: Map<string, SearchPage>;
	vocabulary: Map<string, number>;
}

export function createSearchEngine({ load, base, aliases }: EngineOptions): SearchEngine {
	let loading: Promise<Loaded> | undefined;
	function loaded(): Promise<Loaded> {
		if (!loading) {
			loading = (async () => {
				const { pagefind, pages } = await load();
				await pagefind.options({ baseUrl: base, excerptLength: 18 });
				await pagefind.init();
				return {
					pagefind,
					pages: new Map(pages.map((page) => [page.slug, page])),
					vocabulary: vocabularyOf(pages.map((page) => page.text)),
				};
			})();
			// A failed load is tried again next time.
			loading.catch(() => (loading = undefined));
		}
		return loading;
	}

	const slugOf = (url: string) => {
		// Pagefind's URLs are paths, which any origin resolves alike.
		const path = new URL(url, 'https://localhost').pathname;
		return path.startsWith(base)
			? path.slice(base.length).replace(/\/$/, '') || undefined
			: undefined;
	};

	/** Every page found by the query or one of its aliases, once, the query's own first. */
	async function find(engine: Loaded, query: string): Promise<Result[]> {
		const searches = expandQuery(query, aliases);
		const lists = await Promise.all(
			searches.map(async ({ query: term, alias }) =>
				Promise.all(
					((await engine.pagefind.search(term))?.results ?? []).map(async (result) => ({
						id: result.id,
						data: await result.data(),
						alias,
						term,
					})),
				),
			),
		);
		const marked = (data: PagefindData) =>
			[data.excerpt, ...data.sub_results.map((part) => part.excerpt)].flatMap((excerpt) =>
				excerptSegments(excerpt)
					.filter((segment) => segment.marked)
					.map((segment) => segment.text),
			);
		// Matches of a prefix only are left out before pages found twice are merged, so that a page
		// the typed word reached only by a prefix still comes through its alias.
		const unique = new Map<string, Result>();
		for (const { id, data, alias, term } of lists.flat()) {
			if (!matchesQuery(marked(data), term)) continue;
			const found = unique.get(id);
			if (found) found.hits += 1;
			else unique.set(id, { data, alias, term, slug: slugOf(data.url), hits: 1 });
		}
		// Pagefind splits code at its punctuation (`0.0.0.0`, `LOG_LEVEL`, `os.getenv("OTEL_…")`) and
		// can miss a page that holds the very text typed: the sheet's text and every template's code
		// lines say which pages do.
		if (query.trim().length >= 3) {
			for (const page of engine.pages.values()) {
				if (
					(phraseStrength(query, page) === 0 && !codeHoldsPhrase(query, page)) ||
					[...unique.values()].some((item) => item.slug === page.slug)
				)
					continue;
				const excerpt = page.summary
					.replace(/&/g, '&amp;')
					.replace(/</g, '&lt;')
					.replace(/>/g, '&gt;');
				unique.set(`sheet:${page.slug}`, {
					data: {
						url: `${base}${page.slug}/`,
						excerpt,
						meta: { title: page.title },
						sub_results: [],
					},
					alias: false,
					term: query,
					slug: page.slug,
					hits: 1,
				});
			}
		}
		const meanings = searches.filter((search) => search.alias).map((search) => search.query);
		return rankResults([...unique.values()], query, engine.pages, meanings);
	}

	/** The line with what was typed (`HEALTHCHECK`), else with what found the page. */
	function withCode(result: Result, query: string, pages: Map<string, SearchPage>): Result {
		const page = result.slug === undefined ? undefined : pages.get(result.slug);
		const typed = matchingCode(query, page);
		const code = typed ?? matchingCode(result.term, page);
		return code ? { ...result, code: { ...code, term: typed ? query : result.term } } : result;
	}

	let latest = 0;
	return {
		preload: () => void loaded().catch(() => undefined),
		discard: () => void latest++,
		async search(query) {
			const id = ++latest;
			const current = (outcome: SearchOutcome) => (id === latest ? outcome : undefined);
			if (!isSearchable(query)) return current({ kind: 'unsearchable' });
			let engine: Loaded;
			try {
				engine = await loaded();
			} catch {
				return current({ kind: 'unavailable' });
			}
			if (id !== latest) return undefined;
			let results = await find(engine, query);
			// A word the sheet does not use, one letter from one it does, is searched as that word.
			let corrected = results.length === 0 ? correctTypos(query, engine.vocabulary) : undefined;
			if (corrected) results = await find(engine, corrected);
			if (results.length === 0) corrected = undefined;
			// No page has every word: the pages with some of them, as DocSearch does.
			const words = wordsOf(query).filter((word) => word.length >= 3);
			let someWords = false;
			if (results.length === 0 && words.length > 1) {
				const some = (await Promise.all(words.map((word) => find(engine, word)))).flat();
				results = [...new Map(some.map((item) => [item.data.url, item])).values()];
				someWords = results.length > 0;
			}
			if (id !== latest) return undefined;
			if (results.length === 0) {
				const sections = [...engine.pages.values()].map((page) => ({
					title: page.title,
					url: `${base}${page.slug}/`,
				}));
				return { kind: 'none', closestWords: closestWords(query, engine.vocabulary), sections };
			}
			return {
				kind: 'found',
				results: results.map((result) => withCode(result, query, engine.pages)),
				corrected,
				someWords,
			};
		},
	};
}
