/** The longest query a shared search link may carry; Pagefind gains nothing from more. */
export const MAX_QUERY_LENGTH = 200;

/**
 * The search term of a shareable link (`?q=WEB_CONCURRENCY`), trimmed and bounded; `undefined`
 * when the link carries none.
 */
export function searchQueryFrom(search: string): string | undefined {
	const query = new URLSearchParams(search).get('q')?.trim().slice(0, MAX_QUERY_LENGTH);
	return query ? query : undefined;
}

/** Whether a key press is text going into a field, which a page shortcut must not take. */
export function isTypingInto(
	target: { tagName?: string; isContentEditable?: boolean } | null,
): boolean {
	if (!target) return false;
	return (
		target.isContentEditable === true ||
		['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName ?? '')
	);
}
