/**
 * What search needs once it is about to be used, loaded with Pagefind instead of with every page:
 * the engine that decides what a query finds (src/lib/search/), and how its results show.
 */
import { searchAliases } from '#data/search-aliases.ts';
import { createSearchEngine, type Pagefind, type SearchSources } from '#lib/search/engine.ts';
import type { SearchPage } from '#lib/search/terms.ts';

export { noResultsHelp, openVariant, resultOption, statusText } from './results.ts';

/** Pagefind and the search terms, fetched from the site when search is about to be used. */
async function loadSources(base: string): Promise<SearchSources> {
	const [pagefind, pages] = await Promise.all([
		import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>,
		fetch(`${base}search-terms.json`).then((response) => {
			if (!response.ok) throw new Error(`search-terms.json: ${response.status}`);
			return response.json() as Promise<SearchPage[]>;
		}),
	]);
	return { pagefind, pages };
}

/** The engine for the site under `base` (`/` or `/docs/cheat-sheet/`). */
export const startEngine = (base: string) =>
	createSearchEngine({ load: () => loadSources(base), base, aliases: searchAliases });
