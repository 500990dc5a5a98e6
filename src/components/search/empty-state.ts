/**
 * What the search dialog shows before a search or without one: the recent searches, the words to
 * try, and why search could not load. On every page with the dialog, unlike results.ts.
 */

import { RECENT_SEARCHES_KEY, readRecentSearches, withRecentSearch } from '#lib/search/recent.ts';

export const SEARCH_UNAVAILABLE = 'Search could not load. Check the connection and try again.';

/** The recent searches, as options that search again. */
export function recentSearches(recent: readonly string[]): HTMLElement {
	const group = document.createElement('div');
	group.setAttribute('role', 'group');
	group.setAttribute('aria-labelledby', 'site-search-recent-label');
	const label = document.createElement('p');
	label.className = 'group-label';
	label.id = 'site-search-recent-label';
	label.textContent = 'Recent searches';
	group.append(label);
	recent.forEach((query, index) => {
		const option = document.createElement('div');
		option.setAttribute('role', 'option');
		option.id = `site-search-recent-${index}`;
		option.dataset['recent'] = query;
		option.textContent = query;
		group.append(option);
	});
	return group;
}

/** A line of text and a list of its items. */
export function listOf(text: string, items: readonly HTMLElement[]): HTMLElement[] {
	const intro = document.createElement('p');
	intro.textContent = text;
	const list = document.createElement('ul');
	for (const content of items) {
		const item = document.createElement('li');
		item.append(content);
		list.append(item);
	}
	return [intro, list];
}

/** A line of text and buttons that each search for one word. */
export function suggestionList(text: string, words: readonly string[]): HTMLElement[] {
	return listOf(
		text,
		words.map((word) => {
			const button = document.createElement('button');
			button.type = 'button';
			button.dataset['suggestion'] = word;
			button.textContent = word;
			return button;
		}),
	);
}

/** The searches this browser remembers, newest first. */
export function recentQueries(): string[] {
	return readRecentSearches(localStorage.getItem(RECENT_SEARCHES_KEY));
}

/** Remembers `typed` as the newest recent search. */
export function rememberSearch(typed: string): void {
	const query = typed.trim();
	if (!query) return;
	try {
		localStorage.setItem(
			RECENT_SEARCHES_KEY,
			JSON.stringify(withRecentSearch(recentQueries(), query)),
		);
	} catch {
		// Storage may be full or refused (private windows): recent searches are a convenience.
	}
}
