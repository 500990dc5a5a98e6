/**
 * Renders the two inline marks the sheet's table cells use, `code` and **bold**, to HTML.
 * Everything else is escaped, so a cell can never inject markup.
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Line-break opportunities (`<wbr>`) after each underscore and before a brace, so a narrow cell
 * wraps `http_request_duration_` / `seconds`, never inside a word. Text and copies are unchanged.
 */
function codeBreaks(html: string): string {
	return html.replaceAll('_', '_<wbr>').replaceAll('{', '<wbr>{');
}

export function renderInline(markdown: string): string {
	return markdown
		.split(/(`[^`]*`)/)
		.map((part) =>
			part.startsWith('`') && part.endsWith('`') && part.length > 1
				? `<code>${codeBreaks(escapeHtml(part.slice(1, -1)))}</code>`
				: escapeHtml(part).replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>'),
		)
		.join('');
}
