/** Joins Astro's `base` (`/` or `/sub/path/`, with or without a final slash) and a section slug. */
export function sectionHref(base: string, slug: string): string {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	return `${prefix}${slug}/`;
}
