/**
 * `llms.txt` and `llms-full.txt` (https://llmstxt.org): the site for language models, as plain
 * Markdown. `llms.txt` is an index of the section pages; `llms-full.txt` is the user's sheet itself
 * (its pristine copy, with the one double-encoded dash repaired as the site repairs it), each
 * section followed by its production notes and whatever `extraMarkdown` adds.
 */
import type { ProductionNote } from '#data/production-notes.ts';
import type { Section } from '#data/sections.ts';
import { sectionHref } from './paths.ts';
import { repairEncoding } from './sheet.ts';

/**
 * Hook for more per-section Markdown in `llms-full.txt`, placed after the section's production
 * notes (hardened template variants, for instance). Returns '' when it has nothing for a section.
 */
export type SectionExtraMarkdown = (section: Section) => string;

export const noExtraMarkdown: SectionExtraMarkdown = () => '';

/** A template beyond the sheet's, for `templatesMarkdown`. */
export interface ExtraTemplateText {
	/** `Hardened: gunicorn.conf.py`, `.dockerignore`. */
	heading: string;
	/** The code fence's language. */
	lang: string;
	text: string;
	/** `Smoke-run on Debian unstable, Python 3.14.10, with gunicorn 26.2.2 installed`, where known (verifiedLine). */
	verifiedWith?: string | undefined;
}

/** Templates as Markdown: a heading, the code in a fence longer than any backtick run in it, the versions. */
export function templatesMarkdown(templates: readonly ExtraTemplateText[]): string {
	return templates
		.map(({ heading, lang, text, verifiedWith }) => {
			const fence = '`'.repeat(
				Math.max(3, ...[...text.matchAll(/`+/g)].map((run) => run[0].length + 1)),
			);
			return [
				`### ${heading}`,
				`${fence}${lang}\n${text}\n${fence}`,
				verifiedWith ? `${verifiedWith}.` : '',
			]
				.filter(Boolean)
				.join('\n\n');
		})
		.join('\n\n');
}

export interface LlmsInput {
	/** The sheet's Markdown as the user wrote it (source/production-deployment-cheat-sheet.md). */
	sheet: string;
	sections: readonly Section[];
	notesFor: (slug: string) => readonly ProductionNote[];
	/** Astro's base path: `/` or `/docs/cheat-sheet/`. */
	base: string;
}

const SUMMARY =
	'Copy-paste templates and quick-reference tables for shipping a Python/FastAPI service to production: a multi-stage Dockerfile with uv, a Gunicorn config, structlog, OpenTelemetry and Sentry setup, health checks, the metrics to alert on, base images, worker counts and everyday commands. Each section also carries production notes: where its template needs care, with the primary source for each.';

/** The site's root path joined with a file name, under the base path. */
function fileHref(base: string, file: string): string {
	return `${base.endsWith('/') ? base : `${base}/`}${file}`;
}

export function llmsIndex({ sheet, sections, base }: Omit<LlmsInput, 'notesFor'>): string {
	const title = /^# (.+)$/m.exec(sheet)?.[1] ?? 'Production Deployment Cheat Sheet';
	const lines = [
		`# ${title}`,
		'',
		`> ${SUMMARY}`,
		'',
		'## Sections',
		'',
		...sections.map(
			(section) => `- [${section.heading}](${sectionHref(base, section.slug)}): ${section.summary}`,
		),
		'',
		'## Optional',
		'',
		`- [The whole sheet as Markdown](${fileHref(base, 'llms-full.txt')}): every section, its templates and tables, and its production notes with sources`,
		'',
	];
	return lines.join('\n');
}

/** A section's production notes as Markdown, under an h3 (the sheet's sections are h2). */
export function notesMarkdown(notes: readonly ProductionNote[]): string {
	if (notes.length === 0) return '';
	const items = notes.map((note) =>
		[
			`- **${note.title}**`,
			`  - What breaks: ${note.breaks}`,
			`  - Fix: ${note.fix}`,
			`  - Source: [${note.source.label}](${note.source.url})`,
		].join('\n'),
	);
	return ['### Production notes', '', ...items].join('\n');
}

/** The sheet cut at its `## ` headings: the part before the first, then one part per section. */
function splitSections(markdown: string): {
	preamble: string;
	parts: { heading: string; body: string }[];
} {
	const lines = markdown.split('\n');
	const parts: { heading: string; lines: string[] }[] = [];
	const preamble: string[] = [];
	let inFence = false;
	for (const line of lines) {
		if (line.startsWith('```')) inFence = !inFence;
		if (!inFence && line.startsWith('## '))
			parts.push({ heading: line.slice(3).trim(), lines: [line] });
		else (parts.at(-1)?.lines ?? preamble).push(line);
	}
	// The sheet separates sections with `---` rules: they are put back between sections below.
	const trim = (block: string[]) =>
		block
			.join('\n')
			.replace(/(\n\s*---\s*)+\s*$/, '')
			.trim();
	return {
		preamble: trim(preamble),
		parts: parts.map((part) => ({ heading: part.heading, body: trim(part.lines) })),
	};
}

export function llmsFull(
	{ sheet, sections, notesFor }: Omit<LlmsInput, 'base'>,
	extraMarkdown: SectionExtraMarkdown = noExtraMarkdown,
): string {
	const { preamble, parts } = splitSections(repairEncoding(sheet));
	const blocks = parts.map(({ heading, body }) => {
		const section = sections.find((entry) => entry.heading === heading);
		if (!section)
			throw new Error(`The sheet's section “${heading}” is not in src/data/sections.ts`);
		return [body, notesMarkdown(notesFor(section.slug)), extraMarkdown(section).trim()]
			.filter(Boolean)
			.join('\n\n');
	});
	return `${[preamble, ...blocks].join('\n\n---\n\n')}\n`;
}
