/**
 * Orders Pagefind's results the way an engineer expects and finds the code line to show.
 * Pagefind ranks by word statistics, so `SELECT 1` put /metrics/ (“1%”) above the health check
 * that runs it; a page that holds the whole phrase as typed now comes first. Pure: no DOM.
 */
import { normalizeText, type SearchPage } from './terms.ts';
import { wordsOf } from './query.ts';
import { HARDENED_VARIANT, SHEET_VARIANT, type TemplateVariant } from '#lib/templates/variants.ts';

export interface Ranked {
	slug: string | undefined;
	/** Found through an alias (`k8s` → Kubernetes) rather than the words typed. */
	alias: boolean;
	/** How many of the searches run for the query (the words typed, each alias meaning) found the page. */
	hits?: number;
}

/** Whether the sheet's own text of the page holds every word of `text`, each where a word starts. */
export function holdsWords(text: string, page: SearchPage | undefined): boolean {
	const words = wordsOf(text);
	return !!page && words.length > 0 && words.every((word) => startsAWord(word).test(page.text));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches `text` where a word starts. */
const startsAWord = (text: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(text)}`, 'u');

/**
 * 2: a heading of the page holds the phrase; 1: its text does; 0: neither. The phrase must start
 * where a word does: `reload` is not in `preload_app`, `sample` is in `traces_sample_rate`.
 */
export function phraseStrength(query: string, page: SearchPage | undefined): number {
	const phrase = normalizeText(query);
	if (!page || wordsOf(phrase).length === 0) return 0;
	const pattern = startsAWord(phrase);
	if (page.headings.some((heading) => pattern.test(normalizeText(heading)))) return 2;
	return pattern.test(page.text) ? 1 : 0;
}

/** Whether a code line of the page, in any of its templates, holds the phrase where a word starts. */
export function codeHoldsPhrase(query: string, page: SearchPage | undefined): boolean {
	const phrase = normalizeText(query);
	if (!page || wordsOf(phrase).length === 0) return false;
	const pattern = startsAWord(phrase);
	return [...page.code, ...page.addedCode, ...page.hardenedCode].some((line) =>
		pattern.test(normalizeText(line)),
	);
}

/**
 * Results in this order: the phrase in a heading, the phrase in the text, a page whose own sheet
 * text holds one of the query's alias meanings (`latency` → p99: /metrics/, however Pagefind
 * found it), found through an alias elsewhere (a production note, a hardened template), the rest.
 * Within a group, a page more of the searches found comes first, then Pagefind's order.
 */
export function rankResults<T extends Ranked>(
	results: readonly T[],
	query: string,
	pages: ReadonlyMap<string, SearchPage>,
	meanings: readonly string[] = [],
): T[] {
	const group = (result: T) => {
		const page = result.slug === undefined ? undefined : pages.get(result.slug);
		const strength = phraseStrength(query, page);
		if (strength > 0) return 2 - strength;
		if (meanings.some((meaning) => holdsWords(meaning, page))) return 2;
		return result.alias ? 3 : 4;
	};
	return results
		.map((result, order) => ({ result, order, group: group(result) }))
		.sort(
			(a, b) =>
				a.group - b.group || (b.result.hits ?? 1) - (a.result.hits ?? 1) || a.order - b.order,
		)
		.map(({ result }) => result);
}

/** The first of `lines` holding the phrase, else the first holding every word of the query, trimmed. */
function matchingLine(query: string, lines: readonly string[]): string | undefined {
	const phrase = normalizeText(query);
	const words = wordsOf(query);
	if (words.length === 0) return undefined;
	const lower = lines.map((line) => line.toLowerCase());
	const index = lower.findIndex((line) => line.includes(phrase));
	if (index !== -1) return lines[index]?.trim();
	return lines[lower.findIndex((line) => words.every((word) => line.includes(word)))]?.trim();
}

export interface CodeMatch {
	line: string;
	/**
	 * The template tab that shows the line, where only one of the page's two does: the sheet's
	 * line that its hardened variant changed, or a line only the hardened variant has.
	 */
	variant?: TemplateVariant;
}

/** The code line of the page to show for the query: the sheet's first, then the added templates', then the hardened variants'. */
export function matchingCode(query: string, page: SearchPage | undefined): CodeMatch | undefined {
	if (!page) return undefined;
	const sheetLine = matchingLine(query, page.code);
	if (sheetLine !== undefined) {
		const hidden =
			page.hardenedCode.length > 0 && !page.hardenedCode.some((line) => line.trim() === sheetLine);
		return hidden ? { line: sheetLine, variant: SHEET_VARIANT } : { line: sheetLine };
	}
	const addedLine = matchingLine(query, page.addedCode);
	if (addedLine !== undefined) return { line: addedLine };
	const hardenedLine = matchingLine(query, page.hardenedCode);
	return hardenedLine === undefined ? undefined : { line: hardenedLine, variant: HARDENED_VARIANT };
}

export interface Segment {
	text: string;
	marked: boolean;
}

/** `text` cut into pieces, the query's phrase (or else its words) marked, case-insensitively. */
export function markMatches(text: string, query: string): Segment[] {
	const phrase = normalizeText(query);
	const lower = text.toLowerCase();
	const needles = lower.includes(phrase)
		? [phrase]
		: wordsOf(query).sort((a, b) => b.length - a.length);
	const segments: Segment[] = [];
	let at = 0;
	let plainFrom = 0;
	// One or two letters are marked only where a word starts: `a` marks no letter of `fastapi`.
	const wordStart = (index: number) => index === 0 || !/[\p{L}\p{N}]/u.test(lower[index - 1] ?? '');
	while (at < text.length) {
		const needle = needles.find(
			(candidate) =>
				candidate && lower.startsWith(candidate, at) && (candidate.length > 2 || wordStart(at)),
		);
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
 * when a match contains a word of the query or shares at least three quarters of it from its start
 * (`ready` finds `readiness`, as Pagefind's stemming means). Pagefind marks the words of one query
 * word only, in one excerpt: one word matched is enough.
 */
export function matchesQuery(marked: readonly string[], query: string): boolean {
	const words = wordsOf(query);
	if (words.length === 0) return true;
	const marks = marked.flatMap((text) => wordsOf(text));
	const sharedStart = (a: string, b: string) => {
		let length = 0;
		while (length < a.length && a[length] === b[length]) length++;
		return length;
	};
	return words.some((word) =>
		marks.some((mark) => mark.includes(word) || sharedStart(mark, word) >= 0.75 * word.length),
	);
}

/**
 * `url` with a text fragment for `text` (`#heading:~:text=…`): the browser scrolls to the text and
 * marks it as the page opens, and where it does not find it (the reader's settings changed the
 * line) it goes to the heading, as before. `-`, `,` and `&` separate a fragment's parts, so they
 * are escaped too.
 */
export function withTextFragment(url: string, text: string): string {
	const at = url.indexOf('#');
	const [path, hash] = at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
	return `${path}#${hash}:~:text=${encodeURIComponent(text).replace(/-/g, '%2D')}`;
}
