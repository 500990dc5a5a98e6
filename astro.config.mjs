// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { sections, sectionGroups } from './src/data/sections.ts';

// BASE_PATH lets the same build run under a sub-path (`/docs/cheatsheet/`); SITE_URL is the
// public origin used for the sitemap and canonical links.
const base = process.env.BASE_PATH ?? '/';
const site = process.env.SITE_URL ?? 'https://deploy-cheatsheet.example.com';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	integrations: [
		starlight({
			title: 'Production Deployment Cheat Sheet',
			description:
				'Copy-paste templates and quick-reference tables for shipping a Python/FastAPI service to production.',
			favicon: '/favicon.svg',
			customCss: ['./src/styles/theme.css'],
			lastUpdated: false,
			sidebar: sectionGroups.map((group) => ({
				label: group,
				items: sections
					.filter((section) => section.group === group)
					.map((section) => ({ slug: section.slug, label: section.label })),
			})),
			expressiveCode: {
				frames: {
					// The sheet's first-line file-name comments (`# gunicorn.conf.py`) are part of the
					// template: keep them in the code and in what the copy button copies.
					extractFileNameFromCode: false,
					// Quick commands are copied with their explanatory comments, as the sheet has them.
					removeCommentsWhenCopyingTerminalFrames: false,
				},
			},
		}),
	],
});
