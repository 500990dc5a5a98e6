/**
 * The buttons that open the page's search: the header's, inside <site-search>, and any other
 * (the 404 page's), inside a <search-opener>.
 */
import type { SiteSearch } from './site-search.ts';

/** `button` opens `search`, which loads Pagefind as the reader moves to the button, before the click. */
export function opensSearch(
	button: HTMLButtonElement,
	search: Pick<SiteSearch, 'open' | 'preload'>,
) {
	button.addEventListener('click', (event) => {
		// Open after this click, so the click does not land on the new backdrop.
		event.stopPropagation();
		search.open();
	});
	for (const type of ['pointerenter', 'focus'] as const)
		button.addEventListener(type, () => search.preload(), { once: true });
	button.disabled = false;
}

/** Around a button elsewhere on the page: the button opens the page's search once it is there. */
class SearchOpener extends HTMLElement {
	async connectedCallback() {
		const button = this.querySelector<HTMLButtonElement>('[data-search-open]');
		await customElements.whenDefined('site-search');
		const search = document.querySelector<SiteSearch>('site-search');
		if (button && search) opensSearch(button, search);
	}
}

customElements.define('search-opener', SearchOpener);
