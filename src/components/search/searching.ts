/**
 * What search needs once it is about to be used, loaded with Pagefind instead of with every page:
 * the engine that decides what a query finds (src/lib/search/), and how its results show.
 */
import { searchAliases } from '#data/search-aliases.ts';
import { createSearchEngine, type SearchSources } from '#lib/search/engine.ts';

export { noResultsHelp, openVariant, resultOption, statusText } from './results.ts';

export const startEngine = (load: () => Promise<SearchSources>, base: string) =>
	createSearchEngine({ load, base, aliases: searchAliases });
