/**
 * `<site-search>` (markup and style: SiteSearch.astro): the header's button, the search dialog and
 * its keys. `/` and Ctrl/⌘ K open it, as does a `?q=` link with its query; ↑/↓ move through the
 * results, Enter opens one, Ctrl/⌘ Enter opens it in a new tab, Escape closes. What a query finds
 * is the engine's (src/lib/search/engine.ts), how it shows is results.ts's. A button elsewhere on
 * the page (SearchButton.astro) sits in a `<search-opener>`, which asks the page's search to open.
 */
import type { SearchEngine } from '#lib/search/engine.ts';
import { MAX_QUERY_LENGTH, isTypingInto, searchQueryFrom } from '#lib/search/link.ts';
import {
	SEARCH_UNAVAILABLE,
	recentQueries,
	recentSearches,
	rememberSearch,
	suggestionList,
} from './empty-state.ts';
import { opensSearch } from './search-opener.ts';

/** The engine and the rendering of its results, once loaded (searching.ts). */
type Searching = typeof import('./searching.ts') & { engine: SearchEngine };

/** Waits this long after a keystroke for the next: short enough to feel instant, long enough not to search every letter of a fast typist. */
const DEBOUNCE_MS = 40;
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** The part of `root` that `selector` finds: SiteSearch.astro always writes it. */
function partOf<T extends Element>(root: ParentNode, selector: string): T {
	const part = root.querySelector<T>(selector);
	if (!part) throw new Error(`<site-search> has no ${selector}`);
	return part;
}

export class SiteSearch extends HTMLElement {
	#searching: Promise<Searching> | undefined;
	#loaded: Searching | undefined;
	// The element is upgraded once the page is parsed (its script is a module): its parts are there.
	readonly #dialog = partOf<HTMLDialogElement>(this, '#site-search');
	readonly #input = partOf<HTMLInputElement>(this, '#site-search-input');
	readonly #status = partOf<HTMLElement>(this, '#site-search-status');
	readonly #list = partOf<HTMLElement>(this, '#site-search-results');
	readonly #help = partOf<HTMLElement>(this, '#site-search-help');
	readonly #opener = this.querySelector<HTMLButtonElement>('[data-search-open]');
	#active = -1;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Enter pressed before the results of what was typed had come: they open when they do. */
	#openWhenShown: { newTab: boolean } | undefined;
	#returnFocusTo: HTMLElement | null = null;

	connectedCallback() {
		const dialog = this.#dialog;
		const input = this.#input;
		const list = this.#list;
		// A combobox and its listbox only with the script: the markup alone is a plain search field,
		// which html-validate would rather see as a <select> if it carried these roles.
		input.setAttribute('role', 'combobox');
		input.setAttribute('aria-autocomplete', 'list');
		input.setAttribute('aria-controls', list.id);
		input.setAttribute('aria-expanded', 'false');
		list.setAttribute('role', 'listbox');
		list.setAttribute('aria-label', 'Search results');

		input.addEventListener('input', () => {
			clearTimeout(this.#timer);
			this.#openWhenShown = undefined;
			this.#discard();
			this.#timer = setTimeout(() => this.#searchNow(input.value), DEBOUNCE_MS);
		});
		input.addEventListener('keydown', (event) => this.#onFieldKey(event));
		dialog.addEventListener('close', () => this.#onClose());
		// A click on the backdrop lands on the dialog itself.
		dialog.addEventListener('click', (event) => {
			if (event.target === dialog) dialog.close();
		});
		this.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
		list.addEventListener('click', (event) => this.#onResultClick(event));
		this.#help.addEventListener('click', (event) => {
			const word = (event.target as Element).closest<HTMLElement>('[data-suggestion]')?.dataset[
				'suggestion'
			];
			if (word) {
				input.value = word;
				input.focus();
				this.#searchNow(word);
			} else if ((event.target as Element).closest('a')) dialog.close();
		});

		if (this.#opener) {
			opensSearch(this.#opener, this);
			// On Apple devices the shortcut is ⌘ K.
			if (/Mac|iPhone|iPad|iPod/i.test(navigator.platform)) {
				for (const key of this.#opener.querySelectorAll<HTMLElement>('kbd[data-key="Ctrl"]'))
					key.dataset['key'] = '⌘';
			}
		}
		window.addEventListener('keydown', (event) => {
			if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
				event.preventDefault();
				if (dialog.open) dialog.close();
				else this.open();
			} else if (
				event.key === '/' &&
				!event.ctrlKey &&
				!event.metaKey &&
				!event.altKey &&
				!event.defaultPrevented
			) {
				if (dialog.open || isTypingInto(event.target as HTMLElement | null)) return;
				event.preventDefault();
				this.open();
			}
		});

		const shared = searchQueryFrom(location.search);
		if (shared) this.open(shared);
	}

	/** Loads the engine, Pagefind and the search terms, if they are not yet: search is about to be used. */
	preload() {
		this.#load().then(
			(searching) => searching.engine.preload(),
			// A failed load says so when a search runs, and is tried again then.
			() => undefined,
		);
	}

	#load(): Promise<Searching> {
		this.#searching ??= import('./searching.ts').then(
			(module) => (this.#loaded = { ...module, engine: module.startEngine(base) }),
			(error: unknown) => {
				this.#searching = undefined;
				throw error;
			},
		);
		return this.#searching;
	}

	/** Drops the searches under way: what they find is no longer what the field holds. */
	#discard() {
		if (this.#loaded) this.#loaded.engine.discard();
		// Still loading: after the searches that wait for it, which start first.
		else
			this.#searching?.then(
				(searching) => searching.engine.discard(),
				() => undefined,
			);
	}

	/** Opens search, on `query` if given, else on what the field holds. */
	open(query?: string) {
		const input = this.#input;
		if (!this.#dialog.open) {
			// Opened from the page itself (`/`, `?q=`), focus goes back to the header's button.
			this.#returnFocusTo =
				document.activeElement instanceof HTMLElement && document.activeElement !== document.body
					? document.activeElement
					: null;
			this.#dialog.showModal();
		}
		this.preload();
		if (query !== undefined) input.value = query.slice(0, MAX_QUERY_LENGTH);
		input.focus();
		input.select();
		// Reopened on the same query, its results are still there, the first one active again.
		if (
			query !== undefined ||
			this.#list.dataset['query'] !== input.value.trim() ||
			!input.value.trim()
		)
			this.#searchNow(input.value);
		else this.#setActive(0);
	}

	#options() {
		return [...this.#list.querySelectorAll<HTMLElement>('[role="option"]')];
	}

	#setActive(index: number) {
		const all = this.#options();
		this.#active = all.length === 0 ? -1 : (index + all.length) % all.length;
		all.forEach((option, position) =>
			option.setAttribute('aria-selected', String(position === this.#active)),
		);
		const current = all[this.#active];
		if (current) {
			this.#input.setAttribute('aria-activedescendant', current.id);
			current.scrollIntoView({ block: 'nearest' });
		} else this.#input.removeAttribute('aria-activedescendant');
	}

	#showList(query: string, items: HTMLElement[]) {
		this.#list.replaceChildren(...items);
		this.#list.dataset['query'] = query;
		this.#list.hidden = items.length === 0;
		this.#input.setAttribute('aria-expanded', String(items.length > 0));
		this.#setActive(items.length > 0 ? 0 : -1);
	}

	#showRecent() {
		this.#help.replaceChildren();
		const recent = recentQueries();
		this.#status.textContent = '';
		if (recent.length > 0) {
			this.#showList('', [recentSearches(recent)]);
			return;
		}
		this.#showList('', []);
		this.#help.replaceChildren(
			...suggestionList('Type a word, a command or a setting as written, for example:', [
				'healthz',
				'--frozen',
				'WEB_CONCURRENCY',
				'p99',
				'k8s',
			]),
		);
	}

	#searchNow(value: string) {
		clearTimeout(this.#timer);
		const query = value.trim().slice(0, MAX_QUERY_LENGTH);
		if (query) void this.#run(query);
		else {
			this.#discard();
			this.#showRecent();
		}
	}

	async #run(query: string) {
		let searching: Searching;
		try {
			searching = await this.#load();
		} catch {
			// As a failed load of Pagefind: the help below stays as it was.
			this.#status.textContent = SEARCH_UNAVAILABLE;
			this.#showList(query, []);
			return;
		}
		const outcome = await searching.engine.search(query);
		if (!outcome) return;
		this.#status.textContent = searching.statusText(outcome, query);
		if (outcome.kind !== 'found') {
			this.#showList(query, []);
			// A failed load leaves the help below as it was.
			if (outcome.kind !== 'unavailable')
				this.#help.replaceChildren(...searching.noResultsHelp(outcome));
			return;
		}
		this.#help.replaceChildren();
		this.#showList(query, outcome.results.map(searching.resultOption));
		const pending = this.#openWhenShown;
		this.#openWhenShown = undefined;
		const first = this.#options()[0];
		if (pending && first) this.#choose(first, pending.newTab);
	}

	#onClose() {
		this.#openWhenShown = undefined;
		(this.#returnFocusTo?.isConnected ? this.#returnFocusTo : this.#opener)?.focus();
		this.#returnFocusTo = null;
		// A shared `?q=` link has done its work: a reload or Back should not reopen search.
		const url = new URL(location.href);
		if (url.searchParams.has('q')) {
			url.searchParams.delete('q');
			history.replaceState(history.state, '', url);
		}
	}

	#onFieldKey(event: KeyboardEvent) {
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			this.#setActive(this.#active + (event.key === 'ArrowDown' ? 1 : -1));
		} else if (event.key === 'Enter') {
			event.preventDefault();
			const newTab = event.ctrlKey || event.metaKey;
			const typed = this.#input.value.trim();
			const option = this.#options()[this.#active];
			if (typed && this.#list.dataset['query'] !== typed) this.#openWhenShown = { newTab };
			else if (option) this.#choose(option, newTab);
		} else if (event.key === 'Escape') {
			// A search field would clear itself first; Escape closes search at once.
			event.preventDefault();
			this.#dialog.close();
		}
	}

	#onResultClick(event: MouseEvent) {
		const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
		if (!option) return;
		if (option instanceof HTMLAnchorElement) {
			// The link itself navigates (a modified click opens a tab, as links do); same-page anchors need the dialog closed.
			rememberSearch(this.#input.value);
			const here = !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0;
			if (here) this.#dialog.close();
			this.#loaded?.openVariant(option, here);
			return;
		}
		this.#choose(option, false);
	}

	/** Opens a result (or runs a recent search): in this tab, or a new one. */
	#choose(option: HTMLElement, newTab: boolean) {
		const recent = option.dataset['recent'];
		if (recent !== undefined) {
			this.#input.value = recent;
			this.#searchNow(recent);
			return;
		}
		if (!(option instanceof HTMLAnchorElement)) return;
		rememberSearch(this.#input.value);
		if (newTab) {
			this.#loaded?.openVariant(option, false);
			window.open(option.href, '_blank', 'noopener');
			return;
		}
		this.#dialog.close();
		this.#loaded?.openVariant(option, true);
		location.assign(option.href);
	}
}

customElements.define('site-search', SiteSearch);
