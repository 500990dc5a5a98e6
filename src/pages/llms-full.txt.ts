/** `llms-full.txt`: the whole sheet as Markdown, each section with its production notes (see src/lib/llms.ts). */
import type { APIRoute } from 'astro';
import sheet from '../../source/production-deployment-cheat-sheet.md?raw';
import { notesFor } from '../data/production-notes.ts';
import { sections } from '../data/sections.ts';
import { llmsFull, noExtraMarkdown } from '../lib/llms.ts';

// More Markdown per section (hardened templates, say) goes in place of `noExtraMarkdown`.
export const GET: APIRoute = () =>
	new Response(llmsFull({ sheet, sections, notesFor }, noExtraMarkdown), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
