/** `search-terms.json`: what search knows of each page beside Pagefind's index (see src/lib/search/terms.ts). */
import type { APIRoute } from 'astro';
import sheet from '../../source/production-deployment-cheat-sheet.md?raw';
import { sections } from '../data/sections.ts';
import { addedTemplates, hardenedSnippets } from '../data/snippets.ts';
import { templateFile } from '../data/template-files.ts';
import { searchPages } from '../lib/search/terms.ts';

// Each added template (.dockerignore, Kubernetes probes …) sits under a heading of its own on its page.
const extraHeadings: Record<string, string[]> = {};
for (const template of addedTemplates) (extraHeadings[template.page] ??= []).push(template.heading);
// The hardened variants' lines, so that a result can say which tab shows the line it found.
const hardenedCode: Record<string, string[]> = {};
for (const template of hardenedSnippets) (hardenedCode[template.page] ??= []).push(...(templateFile(template.file) ?? '').split('\n'));

export const GET: APIRoute = () =>
	new Response(JSON.stringify(searchPages(sheet, sections, extraHeadings, hardenedCode)), { headers: { 'Content-Type': 'application/json' } });
