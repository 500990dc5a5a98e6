/** `search-terms.json`: what search knows of each page beside Pagefind's index (see src/lib/search/terms.ts). */
import type { APIRoute } from 'astro';
import sheet from '../../source/production-deployment-cheat-sheet.md?raw';
import { sections } from '../data/sections.ts';
import { addedTemplates } from '../data/snippets.ts';
import { searchPages } from '../lib/search/terms.ts';

// Each added template (.dockerignore, Kubernetes probes …) sits under a heading of its own on its page.
const extraHeadings: Record<string, string[]> = {};
for (const template of addedTemplates) (extraHeadings[template.page] ??= []).push(template.heading);

export const GET: APIRoute = () =>
	new Response(JSON.stringify(searchPages(sheet, sections, extraHeadings)), { headers: { 'Content-Type': 'application/json' } });
