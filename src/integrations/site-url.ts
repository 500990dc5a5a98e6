/**
 * The site's public origin from `SITE_URL`, or `undefined` when it is unset or empty: Starlight
 * then writes no canonical link, no `og:url` and no sitemap, instead of naming a wrong host.
 * A value that is not an http(s) URL stops the build rather than ending up in every page.
 */
export function siteUrl(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	if (!trimmed) return undefined;
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		throw new Error(
			`SITE_URL must be an absolute URL such as https://cheatsheet.example.org, not “${trimmed}”.`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`SITE_URL must start with https:// or http://, not “${trimmed}”.`);
	return url.href;
}

/** What a build without SITE_URL says, so a deploy does not go out without canonical links unnoticed. */
export const missingSiteUrlWarning =
	'SITE_URL is not set: the pages get no canonical link and no sitemap is written. Set it to the public origin for a production build: SITE_URL=https://cheatsheet.example.org npm run build';
