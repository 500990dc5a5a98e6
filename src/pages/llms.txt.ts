/** `llms.txt`: an index of the section pages for language models (see src/lib/sheet/llms.ts). */
import type { APIRoute } from 'astro';
import sheet from '#source/production-deployment-cheat-sheet.md?raw';
import { sections } from '#data/sections.ts';
import { llmsIndex } from '#lib/sheet/llms.ts';

export const GET: APIRoute = () =>
	new Response(llmsIndex({ sheet, sections, base: import.meta.env.BASE_URL }), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
