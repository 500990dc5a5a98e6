/**
 * The yardstick: stock Starlight with the same sheet as plain Markdown. The sheet is split at
 * its `## ` headings into one page each, at the slug our site uses for that section, plus a
 * home page (the sheet's title and tagline) and `/all/` (the whole sheet on one page), so every
 * page of ours has a stock page to be compared with. The config is Starlight's minimum: a title.
 */
import { repairEncoding } from '#lib/sheet/sheet.ts';

export interface SheetPart {
	heading: string;
	/** The section's Markdown below its heading, without the `---` rule that closes it. */
	body: string;
}

export interface SplitSheet {
	title: string;
	/** What stands between the title and the first section (the tagline). */
	intro: string;
	sections: SheetPart[];
}

/** Splits at `# ` and `## ` headings outside code fences. */
export function splitSheet(markdown: string): SplitSheet {
	const sheet: SplitSheet = { title: '', intro: '', sections: [] };
	let lines: string[] = [];
	const flush = () => {
		const body = lines
			.join('\n')
			.replace(/\n---\s*$/, '')
			.trim();
		const current = sheet.sections.at(-1);
		if (current) current.body = body;
		else sheet.intro = body;
		lines = [];
	};
	let inFence = false;
	for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
		if (line.startsWith('```')) inFence = !inFence;
		if (!inFence && line.startsWith('# ') && !sheet.title) {
			sheet.title = line.slice(2).trim();
		} else if (!inFence && line.startsWith('## ')) {
			flush();
			sheet.sections.push({ heading: line.slice(3).trim(), body: '' });
		} else {
			lines.push(line);
		}
	}
	flush();
	sheet.intro = sheet.intro.replace(/^---\s*$/gm, '').trim();
	return sheet;
}

export function slugify(heading: string): string {
	return heading
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

export interface StockPage {
	/** URL path, `/` or `/gunicorn/`. */
	path: string;
	title: string;
	/** The page's file, front matter included. */
	markdown: string;
}

function page(path: string, title: string, body: string, extra = ''): StockPage {
	return {
		path,
		title,
		markdown: `---\ntitle: ${JSON.stringify(title)}\n${extra}---\n\n${body}\n`,
	};
}

/**
 * One page per section, at `slugFor(heading)` (our section's slug), titled with the sheet's
 * heading as ours are; `/` and `/all/` as described above. `/all/` stays out of the search index
 * as ours does, so both indexes hold the same text once.
 */
export function stockPages(
	markdown: string,
	slugFor: (heading: string) => string | undefined,
): StockPage[] {
	const sheet = splitSheet(repairEncoding(markdown));
	const sections = sheet.sections.map((section) =>
		page(
			`/${slugFor(section.heading) ?? slugify(section.heading)}/`,
			section.heading,
			section.body,
		),
	);
	const whole = sheet.sections
		.map((section) => `## ${section.heading}\n\n${section.body}`)
		.join('\n\n');
	return [
		page('/', sheet.title, sheet.intro),
		...sections,
		page('/all/', 'The Whole Cheat Sheet', whole, 'pagefind: false\n'),
	];
}

/** Every file of the stock project, by path relative to its root. */
export function stockProjectFiles(pages: readonly StockPage[], title: string): Map<string, string> {
	const files = new Map<string, string>([
		[
			'astro.config.mjs',
			`import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n\nexport default defineConfig({ integrations: [starlight({ title: ${JSON.stringify(title)} })] });\n`,
		],
		[
			'src/content.config.ts',
			"import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
		],
	]);
	for (const stock of pages) {
		const name = stock.path === '/' ? 'index' : stock.path.replace(/^\/|\/$/g, '');
		files.set(`src/content/docs/${name}.md`, stock.markdown);
	}
	return files;
}
