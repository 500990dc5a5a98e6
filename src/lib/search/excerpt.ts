/**
 * Pagefind's excerpts are HTML: the page's text, escaped, with `<mark>` around the matches.
 * They are read here into plain pieces, so the page builds them with `textContent` and no text
 * of the index can ever become markup.
 */
import type { Segment } from './rank.ts';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

const unescape = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&(?:lt|gt|amp|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);

export function excerptSegments(html: string): Segment[] {
	return html
		.split(/(<mark>[\s\S]*?<\/mark>)/)
		.filter((part) => part !== '')
		.map((part) => (part.startsWith('<mark>') ? { text: unescape(part.slice(6, -7)), marked: true } : { text: unescape(part), marked: false }))
		.filter((segment) => segment.text !== '');
}
