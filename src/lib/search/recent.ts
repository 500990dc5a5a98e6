/** Recent searches, kept in the reader's browser and shown when the search box is empty. */
import { MAX_QUERY_LENGTH } from './link.ts';

export const RECENT_SEARCHES_KEY = 'cheat-sheet:recent-searches:v1';
export const MAX_RECENT_SEARCHES = 5;

/** The stored list, or none when it is missing, corrupted or from another version. */
export function readRecentSearches(stored: string | null): string[] {
	try {
		const value: unknown = JSON.parse(stored ?? '[]');
		if (!Array.isArray(value)) return [];
		return value
			.filter(
				(item): item is string =>
					typeof item === 'string' && item.trim() !== '' && item.length <= MAX_QUERY_LENGTH,
			)
			.slice(0, MAX_RECENT_SEARCHES);
	} catch {
		return [];
	}
}

/** The list with `query` first, once (whatever its case), and at most five entries. */
export function withRecentSearch(recent: readonly string[], query: string): string[] {
	const trimmed = query.trim().slice(0, MAX_QUERY_LENGTH);
	if (!trimmed) return [...recent];
	return [trimmed, ...recent.filter((item) => item.toLowerCase() !== trimmed.toLowerCase())].slice(
		0,
		MAX_RECENT_SEARCHES,
	);
}
