/**
 * What the search box knows about each page beside Pagefind's index, written at build time to
 * `search-terms.json` and fetched when search opens: the page's text as the sheet has it, its
 * headings and its code lines. With it, search ranks a page that holds the exact phrase first,
 * shows a matching code line as code, and corrects a typo to a word the sheet uses.
 */
import { repairEncoding } from '#lib/sheet/sheet.ts';

export interface SearchPage {
	/** Page path without slashes, as in `src/data/sections.ts`. */
	slug: string;
	title: string;
	summary: string;
	/** The page title and the sheet's subheadings in it. */
	headings: string[];
	/** The section's text without Markdown marks, lower case, whitespace collapsed. */
	text: string;
	/** The section's code, line by line, as the templates have it (blank lines left out). */
	code: string[];
	/** The page's hardened templates, line by line (blank lines left out), shown under their own tab. */
	hardenedCode: string[];
	/** The templates the sheet lacks (`.dockerignore`, the Kubernetes Deployment …), line by line. */
	addedCode: string[];
}

/** What a page holds beyond the sheet's section, by page slug. */
export interface PageExtras {
	/** Headings of the templates the sheet lacks. */
	headings?: Readonly<Record<string, readonly string[]>>;
	hardenedCode?: Readonly<Record<string, readonly string[]>>;
	addedCode?: Readonly<Record<string, readonly string[]>>;
}

interface SectionInfo {
	slug: string;
	heading: string;
	summary: string;
}

/** Lower case with every run of whitespace one space: the form phrases are compared in. */
export function normalizeText(text: string): string {
	return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A Markdown line as a reader sees it: no heading, bold, code or table marks. */
function plainLine(line: string): string {
	return line
		.replace(/^#{1,6} /, '')
		.replace(/\*\*/g, '')
		.replace(/`/g, '')
		.replace(/^\|[-\s|]+\|$/, '')
		.replace(/\s*\|\s*/g, ' ');
}

/** Splits the sheet at its `## ` headings and describes each section's page. */
export function searchPages(
	markdown: string,
	sections: readonly SectionInfo[],
	extras: PageExtras = {},
): SearchPage[] {
	const extraHeadings = extras.headings ?? {};
	const lines = (of: Readonly<Record<string, readonly string[]>> | undefined, slug: string) =>
		(of?.[slug] ?? []).filter((line) => line.trim());
	const sheetLines = repairEncoding(markdown).split('\n');
	return sections.map((section) => {
		const start = sheetLines.indexOf(`## ${section.heading}`);
		if (start === -1) throw new Error(`The sheet has no section “${section.heading}”`);
		const next = sheetLines.findIndex((line, index) => index > start && line.startsWith('## '));
		const body = sheetLines.slice(start + 1, next === -1 ? undefined : next);
		// The page's own headings beyond the sheet's: those of the templates the sheet lacks.
		const headings = [section.heading, ...(extraHeadings[section.slug] ?? [])];
		const code: string[] = [];
		const prose: string[] = [];
		let inCode = false;
		for (const line of body) {
			if (line.startsWith('```')) inCode = !inCode;
			else if (inCode) {
				if (line.trim()) code.push(line);
			} else {
				if (/^#{3,6} /.test(line)) headings.push(line.replace(/^#+ /, ''));
				prose.push(plainLine(line));
			}
		}
		return {
			slug: section.slug,
			title: section.heading,
			summary: section.summary,
			headings,
			text: normalizeText(
				[
					section.heading,
					...(extraHeadings[section.slug] ?? []),
					section.summary,
					...prose,
					...code,
				].join('\n'),
			),
			code,
			hardenedCode: lines(extras.hardenedCode, section.slug),
			addedCode: lines(extras.addedCode, section.slug),
		};
	});
}
