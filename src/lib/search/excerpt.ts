/**
 * Pagefind's excerpts are HTML: the page's text, escaped, with `<mark>` around the matches.
 * They are read here into plain pieces, so the page builds them with `textContent` and no text
 * of the index can ever become markup.
 */
import type { Segment } from './rank.ts';

const ENTITIES: Record<string, string> = {
	'&lt;': '<',
	'&gt;': '>',
	'&amp;': '&',
	'&quot;': '"',
	'&#39;': "'",
	'&#x27;': "'",
};

const unescape = (html: string) =>
	html
		.replace(/<[^>]*>/g, '')
		.replace(/&(?:lt|gt|amp|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);

/**
 * The excerpt in pieces. Pagefind marks a whole whitespace-separated token (`Kubernetes.`,
 * `@router.get("/healthz").`): punctuation at a mark's ends is left unmarked.
 */
export function excerptSegments(html: string): Segment[] {
	return html
		.split(/(<mark>[\s\S]*?<\/mark>)/)
		.filter((part) => part !== '')
		.flatMap((part): Segment[] => {
			if (!part.startsWith('<mark>')) return [{ text: unescape(part), marked: false }];
			const [, before = '', word = '', after = ''] =
				/^([^\p{L}\p{N}_]*)([\s\S]*?)([^\p{L}\p{N}_]*)$/u.exec(unescape(part.slice(6, -7))) ?? [];
			return [
				{ text: before, marked: false },
				{ text: word, marked: true },
				{ text: after, marked: false },
			];
		})
		.filter((segment) => segment.text !== '');
}
