/** `search-terms.json`: what search knows of each page beside Pagefind's index (see src/lib/search/terms.ts). */
import type { APIRoute } from 'astro';
import sheet from '#source/production-deployment-cheat-sheet.md?raw';
import { sections } from '#data/sections.ts';
import { addedTemplates, hardenedSnippets } from '#data/snippets.ts';
import { templateFile } from '#data/template-files.ts';
import { searchPages } from '#lib/search/terms.ts';

// Each added template (.dockerignore, Kubernetes probes …) sits under a heading of its own on its
// page; the hardened variants' lines let a result say which tab shows the line it found.
const headings: Record<string, string[]> = {};
const addedCode: Record<string, string[]> = {};
const hardenedCode: Record<string, string[]> = {};
const linesOf = (file: string) => (templateFile(file) ?? '').split('\n');
for (const template of addedTemplates) {
	(headings[template.page] ??= []).push(template.heading);
	(addedCode[template.page] ??= []).push(...linesOf(template.file));
}
for (const template of hardenedSnippets)
	(hardenedCode[template.page] ??= []).push(...linesOf(template.file));

export const GET: APIRoute = () =>
	new Response(
		JSON.stringify(searchPages(sheet, sections, { headings, hardenedCode, addedCode })),
		{ headers: { 'Content-Type': 'application/json' } },
	);
