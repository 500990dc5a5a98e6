/**
 * Heading levels for content that is shown both on its own page and inside another page's
 * section: on /all/ each section's title is an h2, so the section's own headings move one level
 * down there (`##` becomes an h3), and the outline keeps its shape.
 */
export type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** The tag for a heading of `level` (2–6) moved `shift` levels down, never past h6. */
export function headingTag(level: number, shift = 0): HeadingTag {
	const shifted = Math.min(6, Math.max(2, Math.trunc(level + shift)));
	return `h${shifted}` as HeadingTag;
}

/** MDX `components` that render a page's Markdown headings `shift` levels down. */
export function shiftedHeadings(shift: number): Partial<Record<HeadingTag, HeadingTag>> {
	if (shift <= 0) return {};
	return Object.fromEntries(
		(['h2', 'h3', 'h4', 'h5', 'h6'] as const).map((tag) => [
			tag,
			headingTag(Number(tag[1]), shift),
		]),
	);
}
