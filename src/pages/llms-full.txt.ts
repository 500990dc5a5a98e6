/**
 * `llms-full.txt`: the whole sheet as Markdown, each section with its production notes, then its
 * hardened templates and the templates the sheet lacks, and for the metrics the alert rules the
 * page generates at its default thresholds (see src/lib/sheet/llms.ts).
 */
import type { APIRoute } from 'astro';
import sheet from '#source/production-deployment-cheat-sheet.md?raw';
import { notesFor } from '#data/production-notes.ts';
import { sections } from '#data/sections.ts';
import { metricRows } from '#data/metrics.ts';
import { addedTemplates, hardenedSnippets, type ExtraTemplate } from '#data/snippets.ts';
import { templateFile } from '#data/template-files.ts';
import { verifiedLine } from '#data/verified-with.ts';
import { defaultThresholds, rulesFile } from '#lib/tools/alert-rules.ts';
import { llmsFull, templatesMarkdown } from '#lib/sheet/llms.ts';
import { defaultSettings } from '#lib/settings/rules.ts';
import { snippetText } from '#lib/templates/snippet.ts';

const asText = (template: ExtraTemplate, heading: string) => {
	const text = templateFile(template.file);
	if (text === undefined) throw new Error(`No file for ${template.file}`);
	return {
		heading,
		lang: template.lang,
		text: snippetText(text),
		verifiedWith: verifiedLine(template.file),
	};
};

// What the metrics page's Download prometheus-rules.yml gives before any threshold is edited.
const alertRules = {
	heading: 'Alert rules (prometheus-rules.yml, at the default thresholds)',
	lang: 'yaml',
	text: rulesFile(defaultThresholds, metricRows, undefined, defaultSettings.service).trimEnd(),
};

export const GET: APIRoute = () =>
	new Response(
		llmsFull({ sheet, sections, notesFor }, (section) =>
			templatesMarkdown([
				...hardenedSnippets
					.filter((template) => template.page === section.slug)
					.map((template) => asText(template, `Hardened: ${template.title ?? template.heading}`)),
				...addedTemplates
					.filter((template) => template.page === section.slug)
					.map((template) =>
						asText(
							template,
							template.title && template.title !== template.heading
								? `${template.heading} (${template.title})`
								: template.heading,
						),
					),
				...(section.slug === 'metrics' ? [alertRules] : []),
			]),
		),
		{ headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
	);
