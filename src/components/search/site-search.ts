/**
 * The search dialog's behaviour (markup and style: Search.astro). Pagefind runs the search; the
 * page adds aliases, a typo correction, exact-phrase ranking and code lines from
 * `search-terms.json` (src/lib/search/). Every text from the index is set with `textContent`.
 */
import { searchAliases } from '#data/search-aliases.ts';
import { MAX_QUERY_LENGTH, isTypingInto, searchQueryFrom } from '#lib/search/link.ts';
import { excerptSegments } from '#lib/search/excerpt.ts';
import { closestWords, correctTypos, expandQuery, isSearchable, vocabularyOf, wordsOf } from '#lib/search/query.ts';
import { codeHoldsPhrase, markMatches, matchesQuery, matchingCode, phraseStrength, rankResults, withTextFragment, type Segment } from '#lib/search/rank.ts';
import { RECENT_SEARCHES_KEY, readRecentSearches, withRecentSearch } from '#lib/search/recent.ts';
import type { SearchPage } from '#lib/search/terms.ts';
import { TEMPLATE_VARIANT_STORAGE_KEY, TEMPLATE_VARIANT_SYNC_KEY } from '#lib/templates/variants.ts';

interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	locations: number[];
}
interface PagefindData {
	url: string;
	excerpt: string;
	meta: { title?: string };
	sub_results: PagefindSubResult[];
}
interface PagefindResult {
	id: string;
	data(): Promise<PagefindData>;
}
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(term: string): Promise<{ results: PagefindResult[] } | null>;
}
interface Engine {
	pagefind: Pagefind;
	pages: Map<string, SearchPage>;
	vocabulary: Map<string, number>;
}
interface Found {
	data: PagefindData;
	slug: string | undefined;
	alias: boolean;
	/** The search that found it first: the query, or the query with an alias's meaning. */
	term: string;
	/** How many of the searches found it. */
	hits: number;
}

/** Waits this long after a keystroke for the next: short enough to feel instant, long enough not to search every letter of a fast typist. */
const DEBOUNCE_MS = 40;
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

const element = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector);

export function startSearch() {
	const dialog = element<HTMLDialogElement>('#site-search');
	const input = element<HTMLInputElement>('#site-search-input');
	const status = element<HTMLElement>('#site-search-status');
	const list = element<HTMLElement>('#site-search-results');
	const help = element<HTMLElement>('#site-search-help');
	if (!dialog || !input || !status || !list || !help) return;
	const openers = document.querySelectorAll<HTMLButtonElement>('[data-search-open]');
	// A combobox and its listbox only with the script: the markup alone is a plain search field,
	// which html-validate would rather see as a <select> if it carried these roles.
	input.setAttribute('role', 'combobox');
	input.setAttribute('aria-autocomplete', 'list');
	input.setAttribute('aria-controls', list.id);
	input.setAttribute('aria-expanded', 'false');
	list.setAttribute('role', 'listbox');
	list.setAttribute('aria-label', 'Search results');

	let engine: Promise<Engine> | undefined;
	/** Loads Pagefind and the search terms once, when search is about to be used. */
	function loadEngine(): Promise<Engine> {
		engine ??= (async () => {
			const [pagefind, pages] = await Promise.all([
				import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>,
				fetch(`${base}search-terms.json`).then((response) => {
					if (!response.ok) throw new Error(`search-terms.json: ${response.status}`);
					return response.json() as Promise<SearchPage[]>;
				}),
			]);
			await pagefind.options({ baseUrl: base, excerptLength: 18 });
			await pagefind.init();
			return {
				pagefind,
				pages: new Map(pages.map((page) => [page.slug, page])),
				vocabulary: vocabularyOf(pages.map((page) => page.text)),
			};
		})();
		// A failed load (offline before the site was saved) is tried again next time.
		engine.catch(() => (engine = undefined));
		return engine;
	}

	const slugOf = (url: string) => {
		const path = new URL(url, location.origin).pathname;
		return path.startsWith(base) ? path.slice(base.length).replace(/\/$/, '') || undefined : undefined;
	};

	/** Every page found by the query or one of its aliases, once, the query's own first. */
	async function find(search: Engine, query: string): Promise<Found[]> {
		const searches = expandQuery(query, searchAliases);
		const lists = await Promise.all(
			searches.map(async ({ query: term, alias }) =>
				Promise.all(((await search.pagefind.search(term))?.results ?? []).map(async (result) => ({ id: result.id, data: await result.data(), alias, term }))),
			),
		);
		const marked = (data: PagefindData) =>
			[data.excerpt, ...data.sub_results.map((part) => part.excerpt)].flatMap((excerpt) => excerptSegments(excerpt).filter((segment) => segment.marked).map((segment) => segment.text));
		// Matches of a prefix only are left out before pages found twice are merged, so that a page
		// the typed word reached only by a prefix still comes through its alias.
		const unique = new Map<string, Found>();
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
			for (const page of search.pages.values()) {
				if ((phraseStrength(query, page) === 0 && !codeHoldsPhrase(query, page)) || [...unique.values()].some((item) => item.slug === page.slug)) continue;
				const excerpt = page.summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
				unique.set(`sheet:${page.slug}`, { data: { url: `${base}${page.slug}/`, excerpt, meta: { title: page.title }, sub_results: [] }, alias: false, term: query, slug: page.slug, hits: 1 });
			}
		}
		const meanings = searches.filter((search) => search.alias).map((search) => search.query);
		return rankResults([...unique.values()], query, search.pages, meanings);
	}

	// ---- Rendering -------------------------------------------------------------------------

	let active = -1;
	const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];

	function setActive(index: number) {
		const all = options();
		active = all.length === 0 ? -1 : (index + all.length) % all.length;
		all.forEach((option, position) => option.setAttribute('aria-selected', String(position === active)));
		const current = all[active];
		if (current) {
			input!.setAttribute('aria-activedescendant', current.id);
			current.scrollIntoView({ block: 'nearest' });
		} else input!.removeAttribute('aria-activedescendant');
	}

	function showList(query: string, items: HTMLElement[]) {
		list!.replaceChildren(...items);
		list!.dataset['query'] = query;
		list!.hidden = items.length === 0;
		input!.setAttribute('aria-expanded', String(items.length > 0));
		setActive(items.length > 0 ? 0 : -1);
	}

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
	const span = (className: string, text?: string) => {
		const node = document.createElement('span');
		node.className = className;
		if (text !== undefined) node.textContent = text;
		return node;
	};

	/** The part of the page that matched most: its heading, link and excerpt. */
	const bestPart = (data: PagefindData) =>
		data.sub_results.reduce<PagefindSubResult | undefined>((best, part) => (!best || part.locations.length > best.locations.length ? part : best), undefined);

	function resultOption(found: Found, index: number, search: Engine, query: string): HTMLElement {
		const { data } = found;
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
		// The line with what was typed (`HEALTHCHECK`), else with what found the page: an alias's meaning, a corrected word.
		const page = found.slug === undefined ? undefined : search.pages.get(found.slug);
		const typed = matchingCode(query, page);
		const term = typed ? query : found.term;
		const code = typed ?? matchingCode(found.term, page);
		if (code) {
			// A line only one of the template's tabs shows: the result says which, and opens it (openVariant).
			if (code.variant) {
				option.dataset['variant'] = code.variant;
				option.append(span('result-variant', code.variant), ' ');
			}
			// The page opens at the line itself, which can be a screen or more below its heading.
			option.href = withTextFragment(option.href, code.line);
			const line = document.createElement('code');
			line.className = 'result-code';
			option.append(appendSegments(line, markMatches(code.line, term)));
		} else {
			option.append(appendSegments(span('result-excerpt'), excerptSegments(part?.excerpt ?? data.excerpt)));
		}
		return option;
	}

	function showRecent() {
		help!.replaceChildren();
		const recent = readRecentSearches(localStorage.getItem(RECENT_SEARCHES_KEY));
		status!.textContent = '';
		if (recent.length === 0) {
			showList('', []);
			help!.replaceChildren(...suggestionList('Type a word, a command or a setting as written, for example:', ['healthz', '--frozen', 'WEB_CONCURRENCY', 'p99', 'k8s']));
			return;
		}
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
		showList('', [group]);
	}

	/** A line of text and buttons that each search for one word. */
	function suggestionList(text: string, words: readonly string[]): HTMLElement[] {
		const intro = document.createElement('p');
		intro.textContent = text;
		const items = document.createElement('ul');
		for (const word of words) {
			const button = document.createElement('button');
			button.type = 'button';
			button.dataset['suggestion'] = word;
			button.textContent = word;
			const item = document.createElement('li');
			item.append(button);
			items.append(item);
		}
		return [intro, items];
	}

	function showNoResults(query: string, search: Engine | undefined) {
		status!.textContent = `No results for “${query}”.`;
		showList(query, []);
		const content: HTMLElement[] = [];
		const words = search ? closestWords(query, search.vocabulary) : [];
		if (words.length > 0) content.push(...suggestionList('Try one of these words of the sheet:', words));
		if (search) {
			const intro = document.createElement('p');
			intro.textContent = 'Or open a section:';
			const items = document.createElement('ul');
			for (const page of search.pages.values()) {
				const link = document.createElement('a');
				link.href = `${base}${page.slug}/`;
				link.textContent = page.title;
				const item = document.createElement('li');
				item.append(link);
				items.append(item);
			}
			content.push(intro, items);
		}
		help!.replaceChildren(...content);
	}

	// ---- Searching -------------------------------------------------------------------------

	let latest = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** Enter pressed before the results of what was typed had come: they open when they do. */
	let openWhenShown: { newTab: boolean } | undefined;

	async function run(query: string, id: number) {
		const stale = () => id !== latest;
		if (!isSearchable(query)) {
			showNoResults(query, undefined);
			return;
		}
		let search: Engine;
		try {
			search = await loadEngine();
		} catch {
			if (stale()) return;
			status!.textContent = 'Search could not load. Check the connection and try again.';
			showList(query, []);
			return;
		}
		if (stale()) return;
		let found = await find(search, query);
		let note = '';
		// A word the sheet does not use, one letter from one it does, is searched as that word.
		const corrected = found.length === 0 ? correctTypos(query, search.vocabulary) : undefined;
		if (corrected) {
			found = await find(search, corrected);
			if (found.length > 0) note = ` for “${corrected}” (corrected from “${query}”)`;
		}
		// No page has every word: the pages with some of them, as DocSearch does.
		const words = wordsOf(query).filter((word) => word.length >= 3);
		if (found.length === 0 && words.length > 1) {
			const some = (await Promise.all(words.map((word) => find(search, word)))).flat();
			found = [...new Map(some.map((item) => [item.data.url, item])).values()];
			if (found.length > 0) note = ` with some of the words of “${query}”`;
		}
		if (stale()) return;
		if (found.length === 0) {
			showNoResults(query, search);
			return;
		}
		help!.replaceChildren();
		const count = `${found.length} ${found.length === 1 ? 'page' : 'pages'}`;
		status!.textContent = `${count}${note || ` for “${query}”`}.`;
		showList(query, found.map((result, index) => resultOption(result, index, search, query)));
		if (openWhenShown) {
			const newTab = openWhenShown.newTab;
			openWhenShown = undefined;
			const first = options()[0];
			if (first) choose(first, newTab);
		}
	}

	function searchNow(value: string) {
		clearTimeout(timer);
		const query = value.trim().slice(0, MAX_QUERY_LENGTH);
		const id = ++latest;
		if (!query) showRecent();
		else void run(query, id);
	}

	input.addEventListener('input', () => {
		clearTimeout(timer);
		openWhenShown = undefined;
		latest++;
		timer = setTimeout(() => searchNow(input.value), DEBOUNCE_MS);
	});

	// ---- Opening, closing, choosing ---------------------------------------------------------

	let returnFocusTo: HTMLElement | null = null;

	function open(query?: string) {
		if (!dialog!.open) {
			// Opened from the page itself (`/`, `?q=`), focus goes back to the header's button.
			returnFocusTo = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
			dialog!.showModal();
		}
		void loadEngine().catch(() => undefined);
		if (query !== undefined) input!.value = query.slice(0, MAX_QUERY_LENGTH);
		input!.focus();
		input!.select();
		// Reopened on the same query, its results are still there, the first one active again.
		if (query !== undefined || list!.dataset['query'] !== input!.value.trim() || !input!.value.trim()) searchNow(input!.value);
		else setActive(0);
	}

	dialog.addEventListener('close', () => {
		openWhenShown = undefined;
		(returnFocusTo?.isConnected ? returnFocusTo : openers[0])?.focus();
		returnFocusTo = null;
		// A shared `?q=` link has done its work: a reload or Back should not reopen search.
		const url = new URL(location.href);
		if (url.searchParams.has('q')) {
			url.searchParams.delete('q');
			history.replaceState(history.state, '', url);
		}
	});
	// A click on the backdrop lands on the dialog itself.
	dialog.addEventListener('click', (event) => {
		if (event.target === dialog) dialog.close();
	});
	element('[data-search-close]')?.addEventListener('click', () => dialog.close());

	function remember() {
		const query = input!.value.trim();
		if (!query) return;
		try {
			localStorage.setItem(RECENT_SEARCHES_KEY, JSON.stringify(withRecentSearch(readRecentSearches(localStorage.getItem(RECENT_SEARCHES_KEY)), query)));
		} catch {
			// Storage may be full or refused (private windows): recent searches are a convenience.
		}
	}

	/**
	 * Makes the template tab that shows a result's line the chosen one, as a click on that tab would:
	 * in Starlight's storage, which the result's page restores as it loads, and, when it opens `here`
	 * (not in a new tab), on this page at once, where a link to one of its own headings does not reload it.
	 */
	function openVariant(option: HTMLElement, here: boolean) {
		const variant = option.dataset['variant'];
		if (!variant) return;
		try {
			localStorage.setItem(TEMPLATE_VARIANT_STORAGE_KEY, variant);
		} catch {
			// No storage: the page opens on its default tab, the sheet's.
		}
		if (!here || (option instanceof HTMLAnchorElement && option.pathname !== location.pathname)) return;
		const tabs = document.querySelectorAll<HTMLElement>(`starlight-tabs[data-sync-key="${TEMPLATE_VARIANT_SYNC_KEY}"] [role="tab"]`);
		[...tabs].find((tab) => tab.textContent?.trim() === variant && tab.getAttribute('aria-selected') !== 'true')?.click();
	}

	/** Opens a result (or runs a recent search): in this tab, or a new one. */
	function choose(option: HTMLElement, newTab: boolean) {
		const recent = option.dataset['recent'];
		if (recent !== undefined) {
			input!.value = recent;
			searchNow(recent);
			return;
		}
		if (!(option instanceof HTMLAnchorElement)) return;
		remember();
		if (newTab) {
			openVariant(option, false);
			window.open(option.href, '_blank', 'noopener');
			return;
		}
		dialog!.close();
		openVariant(option, true);
		location.assign(option.href);
	}

	list.addEventListener('click', (event) => {
		const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
		if (!option) return;
		if (option instanceof HTMLAnchorElement) {
			// The link itself navigates (a modified click opens a tab, as links do); same-page anchors need the dialog closed.
			remember();
			const here = !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0;
			if (here) dialog.close();
			openVariant(option, here);
			return;
		}
		choose(option, false);
	});
	help.addEventListener('click', (event) => {
		const word = (event.target as Element).closest<HTMLElement>('[data-suggestion]')?.dataset['suggestion'];
		if (word) {
			input.value = word;
			input.focus();
			searchNow(word);
		} else if ((event.target as Element).closest('a')) dialog.close();
	});

	input.addEventListener('keydown', (event) => {
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
		} else if (event.key === 'Enter') {
			event.preventDefault();
			const newTab = event.ctrlKey || event.metaKey;
			const typed = input.value.trim();
			const option = options()[active];
			if (typed && list.dataset['query'] !== typed) openWhenShown = { newTab };
			else if (option) choose(option, newTab);
		} else if (event.key === 'Escape') {
			// A search field would clear itself first; Escape closes search at once.
			event.preventDefault();
			dialog.close();
		}
	});

	// Pagefind loads while the reader moves to the button, before the click.
	for (const opener of openers) {
		opener.addEventListener('click', (event) => {
			// Open after this click, so the click does not land on the new backdrop.
			event.stopPropagation();
			open();
		});
		for (const type of ['pointerenter', 'focus'] as const) opener.addEventListener(type, () => void loadEngine().catch(() => undefined), { once: true });
		opener.disabled = false;
	}

	// On Apple devices the shortcut is ⌘ K.
	if (/Mac|iPhone|iPad|iPod/i.test(navigator.platform)) {
		for (const key of document.querySelectorAll<HTMLElement>('.search-open kbd[data-key="Ctrl"]')) key.dataset['key'] = '⌘';
	}

	window.addEventListener('keydown', (event) => {
		if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
			event.preventDefault();
			if (dialog.open) dialog.close();
			else open();
		} else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.defaultPrevented) {
			if (dialog.open || isTypingInto(event.target as HTMLElement | null)) return;
			event.preventDefault();
			open();
		}
	});

	const shared = searchQueryFrom(location.search);
	if (shared) open(shared);
}
