/**
 * Orders Pagefind's results the way an engineer expects and finds the code line to show.
 * Pagefind ranks by word statistics, so `SELECT 1` put /metrics/ (“1%”) above the health check
 * that runs it; a page that holds the whole phrase as typed now comes first. Pure: no DOM.
 */
import { normalizeText, type SearchPage } from './terms.ts';
import { wordsOf } from './query.ts';

export interface Ranked {
	slug: string | undefined;
	/** Found through an alias (`k8s` → Kubernetes) rather than the words typed. */
	alias: boolean;
}

/** 2: a heading of the page holds the phrase; 1: its text does; 0: neither. */
export function phraseStrength(query: string, page: SearchPage | undefined): number {
	const phrase = normalizeText(query);
	if (!page || wordsOf(phrase).length === 0) return 0;
	if (page.headings.some((heading) => normalizeText(heading).includes(phrase))) return 2;
	return page.text.includes(phrase) ? 1 : 0;
}

/**
 * Results in this order, each group in Pagefind's order: the phrase in a heading, the phrase in
 * the text, found through an alias, the rest.
 */
export function rankResults<T extends Ranked>(results: readonly T[], query: string, pages: ReadonlyMap<string, SearchPage>): T[] {
	const group = (result: T) => {
		const strength = phraseStrength(query, result.slug === undefined ? undefined : pages.get(result.slug));
		if (strength > 0) return 2 - strength;
		return result.alias ? 2 : 3;
	};
	return results
		.map((result, order) => ({ result, order, group: group(result) }))
		.sort((a, b) => a.group - b.group || a.order - b.order)
		.map(({ result }) => result);
}

/** The first code line holding the phrase, else the first holding every word of the query. */
export function matchingCodeLine(query: string, page: SearchPage | undefined): string | undefined {
	if (!page) return undefined;
	const phrase = normalizeText(query);
	const words = wordsOf(query);
	if (words.length === 0) return undefined;
	const lower = page.code.map((line) => line.toLowerCase());
	const index = lower.findIndex((line) => line.includes(phrase));
	if (index !== -1) return page.code[index]?.trim();
	return page.code[lower.findIndex((line) => words.every((word) => line.includes(word)))]?.trim();
}

export interface Segment {
	text: string;
	marked: boolean;
}

/** `text` cut into pieces, the query's phrase (or else its words) marked, case-insensitively. */
export function markMatches(text: string, query: string): Segment[] {
	const phrase = normalizeText(query);
	const lower = text.toLowerCase();
	const needles = lower.includes(phrase) ? [phrase] : wordsOf(query).sort((a, b) => b.length - a.length);
	const segments: Segment[] = [];
	let at = 0;
	let plainFrom = 0;
	while (at < text.length) {
		const needle = needles.find((candidate) => candidate && lower.startsWith(candidate, at));
		if (!needle) {
			at++;
			continue;
		}
		if (at > plainFrom) segments.push({ text: text.slice(plainFrom, at), marked: false });
		segments.push({ text: text.slice(at, at + needle.length), marked: true });
		at += needle.length;
		plainFrom = at;
	}
	if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom), marked: false });
	return segments;
}

/**
 * Whether Pagefind's matches (the `<mark>`ed words of a result's excerpts) are the query's words
 * or only a short prefix of them: for a word it does not hold, Pagefind falls back to the longest
 * prefix it does, so `reload` would list a page for the `r` of `groupadd -r`. The result stays
 * when a match contains a word of the query or is at least three quarters of it. (Pagefind marks
 * the words of one query word only, in one excerpt: one word matched is enough.)
 */
export function matchesQuery(marked: readonly string[], query: string): boolean {
	const words = wordsOf(query);
	if (words.length === 0) return true;
	const marks = marked.flatMap((text) => wordsOf(text));
	return words.some((word) => marks.some((mark) => mark.includes(word) || (word.startsWith(mark) && mark.length >= 0.75 * word.length)));
}
