/**
 * The words around a Pagefind search: aliases for the words engineers type, a correction for a
 * one-letter typo, and the closest words when nothing matches. Pure: no DOM, no Pagefind.
 */

export interface SearchAlias {
	/** What a reader may type (lower case; a word or a phrase). */
	terms: readonly string[];
	/** The sheet's own words for it: each is searched, and their results are merged. */
	means: readonly string[];
}

/** Words of a query or a text: letters, digits and underscores, lower case. */
export function wordsOf(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Whether a query has anything to search for (`.*`, `!!!` and emoji do not). */
export function isSearchable(query: string): boolean {
	return wordsOf(query).length > 0;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The searches to run for a query: the query itself, then, for each alias term it contains
 * (as whole words), the query with that term replaced by each of the alias's meanings.
 */
export function expandQuery(
	query: string,
	aliases: readonly SearchAlias[],
): { query: string; alias: boolean }[] {
	const searches = [{ query, alias: false }];
	for (const alias of aliases) {
		for (const term of alias.terms) {
			const pattern = new RegExp(
				`(^|[^\\p{L}\\p{N}_])${escapeRegExp(term)}(?=$|[^\\p{L}\\p{N}_])`,
				'iu',
			);
			if (!pattern.test(query)) continue;
			for (const meaning of alias.means) {
				const expanded = query
					.replace(pattern, (_, before: string) => `${before}${meaning}`)
					.trim();
				if (!searches.some((search) => search.query === expanded))
					searches.push({ query: expanded, alias: true });
			}
		}
	}
	return searches;
}

/**
 * Edit distance counting an adjacent swap as one edit (optimal string alignment), stopping
 * early once it is over `limit`: `gunicron` is one edit from `gunicorn`, `healtz` from `healthz`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let before: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + cost,
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				value = Math.min(value, (before[j - 2] ?? 0) + 1);
			current.push(value);
			best = Math.min(best, value);
		}
		if (best > limit) return limit + 1;
		before = previous;
		previous = current;
	}
	return previous[b.length] ?? 0;
}

/** The shortest words a typo is corrected in: shorter ones have too many neighbours. */
export const MIN_TYPO_WORD = 5;

/**
 * The query with each word of five letters or more that the sheet does not use (nor starts a word
 * with) replaced by the
 * one word it does use that is one edit away (the most frequent, if several); `undefined` when
 * nothing was corrected.
 */
export function correctTypos(
	query: string,
	vocabulary: ReadonlyMap<string, number>,
): string | undefined {
	let corrected = query;
	let changed = false;
	const words = [...vocabulary.keys()];
	for (const word of new Set(wordsOf(query))) {
		// A word of the sheet, or the start of one (still being typed), is no typo.
		if (
			word.length < MIN_TYPO_WORD ||
			vocabulary.has(word) ||
			words.some((known) => known.startsWith(word))
		)
			continue;
		let best: [string, number] | undefined;
		for (const [candidate, count] of vocabulary) {
			if (editDistance(word, candidate, 1) === 1 && (!best || count > best[1]))
				best = [candidate, count];
		}
		if (!best) continue;
		corrected = corrected.replace(new RegExp(escapeRegExp(word), 'gi'), best[0]);
		changed = true;
	}
	return changed ? corrected : undefined;
}

/**
 * Up to `count` words of the sheet closest to the query's words, nearest first: one edit away for
 * a word of up to five letters, two for a longer one, and never a word of under four letters
 * (`asdf` offered `and`).
 */
export function closestWords(
	query: string,
	vocabulary: ReadonlyMap<string, number>,
	count = 3,
): string[] {
	const scored: Array<[string, number, number]> = [];
	for (const word of new Set(wordsOf(query))) {
		if (word.length < 4) continue;
		const limit = word.length <= 5 ? 1 : 2;
		for (const [candidate, frequency] of vocabulary) {
			if (candidate === word || candidate.length < 4) continue;
			const distance = editDistance(word, candidate, limit);
			if (distance <= limit) scored.push([candidate, distance, frequency]);
		}
	}
	scored.sort((a, b) => a[1] - b[1] || b[2] - a[2] || a[0].localeCompare(b[0]));
	return [...new Set(scored.map(([word]) => word))].slice(0, count);
}

/** How often each word occurs in the given texts; `traces_sample_rate` counts its parts too. */
export function vocabularyOf(texts: readonly string[]): Map<string, number> {
	const counts = new Map<string, number>();
	const count = (word: string) => counts.set(word, (counts.get(word) ?? 0) + 1);
	for (const text of texts) {
		for (const word of wordsOf(text)) {
			count(word);
			if (word.includes('_')) for (const part of word.split('_')) if (part.length > 1) count(part);
		}
	}
	return counts;
}
