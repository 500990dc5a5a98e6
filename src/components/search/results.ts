/**
 * What the search dialog shows of a search: its status line, a result (and the template tab it
 * opens), the help when nothing matched. Loaded with the engine (searching.ts). Every text from
 * the index or the reader is set with `textContent`, never as markup.
 */
import type { PagefindData, PagefindSubResult, Result, SearchOutcome } from '#lib/search/engine.ts';
import { excerptSegments } from '#lib/search/excerpt.ts';
import { markMatches, withTextFragment, type Segment } from '#lib/search/rank.ts';
import {
	TEMPLATE_VARIANT_STORAGE_KEY,
	TEMPLATE_VARIANT_SYNC_KEY,
} from '#lib/templates/variants.ts';
import { SEARCH_UNAVAILABLE, listOf, suggestionList } from './empty-state.ts';

const span = (className: string, text?: string) => {
	const node = document.createElement('span');
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
};

const appendSegments = (parent: HTMLElement, segments: readonly Segment[]) => {
	for (const segment of segments) {
		if (segment.marked) {
			const mark = document.createElement('mark');
			mark.textContent = segment.text;
			parent.append(mark);
		} else parent.append(segment.text);
	}
	return parent;
};

/** The line above the results: how many pages, for what; or why there are none. */
export function statusText(outcome: SearchOutcome, query: string): string {
	if (outcome.kind === 'unavailable') return SEARCH_UNAVAILABLE;
	if (outcome.kind !== 'found') return `No results for “${query}”.`;
	const count = `${outcome.results.length} ${outcome.results.length === 1 ? 'page' : 'pages'}`;
	if (outcome.corrected) return `${count} for “${outcome.corrected}” (corrected from “${query}”).`;
	return `${count} ${outcome.someWords ? 'with some of the words of' : 'for'} “${query}”.`;
}

/** The part of the page that matched most: its heading, link and excerpt. */
const bestPart = (data: PagefindData) =>
	data.sub_results.reduce<PagefindSubResult | undefined>(
		(best, part) => (!best || part.locations.length > best.locations.length ? part : best),
		undefined,
	);

/** A result as an option of the list: the page, the heading it matched, and its code line or excerpt. */
export function resultOption({ data, code }: Result, index: number): HTMLAnchorElement {
	const part = bestPart(data);
	const title = data.meta.title ?? part?.title ?? data.url;
	const option = document.createElement('a');
	option.setAttribute('role', 'option');
	option.id = `site-search-option-${index}`;
	option.tabIndex = -1;
	// Pagefind names the part before the first heading `#_top`: that is the page itself.
	option.href = part && !part.url.endsWith('#_top') ? part.url : data.url;
	option.append(span('result-title', title));
	if (part && part.title !== title) option.append(span('result-heading', ` › ${part.title}`));
	// Read as one sentence by a screen reader: the parts need a space between them.
	option.append(' ');
	if (code) {
		// A line only one of the template's tabs shows: the result says which, and opens it.
		if (code.variant) {
			option.dataset['variant'] = code.variant;
			option.append(span('result-variant', code.variant), ' ');
		}
		// The page opens at the line itself, which can be a screen or more below its heading.
		option.href = withTextFragment(option.href, code.line);
		const line = document.createElement('code');
		line.className = 'result-code';
		option.append(appendSegments(line, markMatches(code.line, code.term)));
	} else {
		option.append(
			appendSegments(span('result-excerpt'), excerptSegments(part?.excerpt ?? data.excerpt)),
		);
	}
	return option;
}

/**
 * Makes the template tab that shows a result's line the chosen one, as a click on that tab would:
 * in Starlight's storage, which the result's page restores as it loads, and, when it opens `here`
 * (not in a new tab), on this page at once, where a link to one of its own headings does not reload it.
 */
export function openVariant(option: HTMLElement, here: boolean) {
	const variant = option.dataset['variant'];
	if (!variant) return;
	try {
		localStorage.setItem(TEMPLATE_VARIANT_STORAGE_KEY, variant);
	} catch {
		// No storage: the page opens on its default tab, the sheet's.
	}
	if (!here || (option instanceof HTMLAnchorElement && option.pathname !== location.pathname))
		return;
	const tabs = document.querySelectorAll<HTMLElement>(
		`starlight-tabs[data-sync-key="${TEMPLATE_VARIANT_SYNC_KEY}"] [role="tab"]`,
	);
	[...tabs]
		.find(
			(tab) => tab.textContent?.trim() === variant && tab.getAttribute('aria-selected') !== 'true',
		)
		?.click();
}

/** What helps when nothing matched: the closest words of the sheet, and every section. */
export function noResultsHelp(outcome: SearchOutcome): HTMLElement[] {
	if (outcome.kind !== 'none') return [];
	const words =
		outcome.closestWords.length > 0
			? suggestionList('Try one of these words of the sheet:', outcome.closestWords)
			: [];
	const sections = outcome.sections.map(({ title, url }) => {
		const link = document.createElement('a');
		link.href = url;
		link.textContent = title;
		return link;
	});
	return [...words, ...listOf('Or open a section:', sections)];
}
