// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { sections, sectionGroups } from '#data/sections.ts';
import { inlineScriptPolicy } from '#integrations/inline-script-policy/index.ts';
import { serviceWorker } from '#integrations/service-worker.ts';
import { siteUrlWarning } from '#integrations/site-url-warning.ts';
import { siteUrl } from '#integrations/site-url.ts';

// BASE_PATH builds the same site for a sub-path (`/docs/cheat-sheet/`); OUT_DIR keeps such a
// build apart from the root one; SITE_URL is the public origin for the sitemap and canonical links.
// Without it there are neither (Starlight leaves them out) and the build says so.
const base = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const site = siteUrl(process.env.SITE_URL);
/** Bundled scripts of Starlight's components, by their output names. */
const starlightScript =
	/^_astro\/(ThemeSelect|LanguageSelect|PageFrame|Page|Tabs)\.astro_astro_type_script_/;

export default defineConfig({
	...(site ? { site } : {}),
	base,
	outDir: process.env.OUT_DIR ?? './dist',
	trailingSlash: 'always',
	vite: {
		build: {
			// Astro writes a small bundled script into the page; Starlight's own (theme picker, sidebar
			// pane and state, tabs) stay there as in stock Starlight, each allowed by a hash in the
			// policy that changes only with Starlight. Ours become files, allowed by the policy's
			// 'self', so that editing one never changes the policy. Other assets keep Vite's default.
			assetsInlineLimit: (file) => (file.endsWith('.js') ? starlightScript.test(file) : undefined),
		},
	},
	integrations: [
		siteUrlWarning(),
		starlight({
			title: 'Production Deployment Cheat Sheet',
			description:
				'Copy-paste templates and quick-reference tables for shipping a Python/FastAPI service to production.',
			favicon: '/favicon.svg',
			head: [
				{ tag: 'link', attrs: { rel: 'manifest', href: `${base}manifest.webmanifest` } },
				{ tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${base}icon-192.png` } },
				{ tag: 'meta', attrs: { name: 'theme-color', content: '#0f766e' } },
			],
			// Fails the build on a broken internal link or anchor in the pages' Markdown. The home
			// page's hero links to `all/` relatively so that it follows the base path; the crawl of
			// the build (tests/e2e/links.spec.ts) checks such links where they land.
			plugins: [starlightLinksValidator({ errorOnRelativeLinks: false })],
			customCss: ['./src/styles/theme.css', './src/styles/code.css', './src/styles/print.css'],
			components: {
				Search: './src/components/starlight/Search.astro',
				Footer: './src/components/starlight/Footer.astro',
				Header: './src/components/starlight/Header.astro',
				// The page title, with a section page's one-line summary under it.
				PageTitle: './src/components/starlight/PageTitle.astro',
			},
			lastUpdated: false,
			sidebar: [
				...sectionGroups.map((group) => ({
					label: group,
					items: sections
						.filter((section) => section.group === group)
						.map((section) => ({ slug: section.slug, label: section.label })),
				})),
				{ slug: 'all', label: 'Whole sheet, one page' },
			],
			expressiveCode: {
				// Long lines wrap in print with a hanging indent: a wrapped part starts two columns
				// past its line's own indentation. On screen they scroll instead (src/styles/code.css).
				defaultProps: { wrap: true, preserveIndent: true, hangingIndent: 2 },
				frames: {
					// The sheet's first-line file-name comments (`# gunicorn.conf.py`) are part of the
					// template: keep them in the code and in what the copy button copies.
					extractFileNameFromCode: false,
					// Quick commands are copied with their explanatory comments, as the sheet has them.
					removeCommentsWhenCopyingTerminalFrames: false,
				},
			},
		}),
		// Starlight would add MDX itself, optimized into static HTML; headings stay elements here so
		// that the whole sheet (/all/) can render each section's headings one level down.
		mdx({ optimize: { ignoreElementNames: ['h2', 'h3', 'h4', 'h5', 'h6'] } }),
		// Fails the build when the Content-Security-Policy of _headers would block an inline script.
		inlineScriptPolicy(),
		// After Starlight, whose build hook writes the Pagefind index the worker must precache.
		serviceWorker(),
	],
});
