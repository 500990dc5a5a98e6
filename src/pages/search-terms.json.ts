/** `search-terms.json`: what search knows of each page beside Pagefind's index (see src/lib/search/terms.ts). */
import type { APIRoute } from 'astro';
import sheet from '../../source/production-deployment-cheat-sheet.md?raw';
import { sections } from '../data/sections.ts';
import { searchPages } from '../lib/search/terms.ts';

export const GET: APIRoute = () =>
	new Response(JSON.stringify(searchPages(sheet, sections)), { headers: { 'Content-Type': 'application/json' } });
