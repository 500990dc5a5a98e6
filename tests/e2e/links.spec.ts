/**
 * A crawl of the built site's files: every internal link, asset and anchor on every page resolves
 * to a file of the build (and the anchor to an id on its page). Off-site links are only listed,
 * never fetched, in `external-links.txt` beside the test's results. The only off-site links are
 * the production notes' sources: https, inside the notes, and marked external for every reader.
 */
import { readdirSync, readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from './fixtures.ts';

const htmlFiles = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? htmlFiles(join(dir, entry.name))
			: entry.name.endsWith('.html')
				? [join(dir, entry.name)]
				: [],
	);

const decodeEntities = (value: string) =>
	value
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'");

test('every internal link, asset and anchor of the build resolves', async ({
	baseURL,
}, testInfo) => {
	const outDir = String(testInfo.project.metadata['outDir']);
	const site = new URL(baseURL ?? '');
	const files = htmlFiles(outDir);
	expect(files.length).toBeGreaterThan(12);

	/** The file a site path is served from, as a static host resolves it. */
	const fileFor = (pathname: string): string | undefined => {
		if (!pathname.startsWith(site.pathname)) return undefined;
		const sitePath = decodeURIComponent(pathname.slice(site.pathname.length));
		const candidate = join(outDir, sitePath);
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
		const index = join(candidate, 'index.html');
		return existsSync(index) ? index : undefined;
	};
	const idsOf = new Map<string, Set<string>>();
	const ids = (file: string) => {
		if (!idsOf.has(file))
			idsOf.set(
				file,
				new Set(
					[...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((match) =>
						decodeEntities(match[1] ?? ''),
					),
				),
			);
		return idsOf.get(file)!;
	};

	const broken: string[] = [];
	const external = new Set<string>();
	let checked = 0;
	for (const file of files) {
		const pageUrl = new URL(relative(outDir, file).replace(/(^|\/)index\.html$/, '$1'), site);
		const html = readFileSync(file, 'utf8');
		for (const match of html.matchAll(
			/<(?:a|link|script|img|source|use)\b[^>]*?\s(?:href|src)="([^"]*)"/g,
		)) {
			const raw = decodeEntities(match[1] ?? '');
			if (/^(data|mailto|javascript):/i.test(raw)) continue;
			const target = new URL(raw, pageUrl);
			if (target.origin !== site.origin) {
				external.add(target.href);
				continue;
			}
			checked += 1;
			const targetFile = fileFor(target.pathname);
			const where = `${relative(outDir, file)} → ${raw}`;
			if (!targetFile) broken.push(`${where}: no such file`);
			else if (
				target.hash &&
				target.hash !== '#' &&
				!ids(targetFile).has(decodeURIComponent(target.hash.slice(1)))
			)
				broken.push(`${where}: no such anchor`);
		}
	}
	writeFileSync(testInfo.outputPath('external-links.txt'), [...external].sort().join('\n') + '\n');
	console.log(
		`${testInfo.project.name}: ${checked} internal links checked; ${external.size} external links (not fetched): ${[...external].sort().join(', ')}`,
	);
	expect(checked).toBeGreaterThan(200);
	expect(broken).toEqual([]);
});

test('every off-site link is a production note’s https source, marked external', async ({
	baseURL,
}, testInfo) => {
	const outDir = String(testInfo.project.metadata['outDir']);
	const site = new URL(baseURL ?? '');
	const stray: string[] = [];
	let sources = 0;
	for (const file of htmlFiles(outDir)) {
		const pageUrl = new URL(relative(outDir, file).replace(/(^|\/)index\.html$/, '$1'), site);
		const html = readFileSync(file, 'utf8');
		// The notes' sections: each runs from its opening tag to the next `</section>` (they hold none).
		const notes = [...html.matchAll(/<section\b[^>]*\sdata-production-notes[\s>]/g)].map(
			(match) => [match.index, html.indexOf('</section>', match.index)] as const,
		);
		for (const match of html.matchAll(
			/<(a|link|script|img|source|use|iframe|form)\b([^>]*?)\s(?:href|src|action)="([^"]*)"([^>]*)>/g,
		)) {
			const raw = decodeEntities(match[3] ?? '');
			if (/^(data|mailto|javascript):/i.test(raw)) continue;
			const target = new URL(raw, pageUrl);
			if (target.origin === site.origin) continue;
			const where = `${relative(outDir, file)} → ${raw}`;
			const attributes = `${match[2]} ${match[4]}`;
			const at = match.index;
			const end = html.indexOf('</a>', at);
			const text = html.slice(at, end);
			const rel = /\srel="([^"]*)"/.exec(attributes)?.[1]?.split(/\s+/).sort().join(' ');
			if (match[1] !== 'a') stray.push(`${where}: a <${match[1]}> loads from another origin`);
			else if (target.protocol !== 'https:') stray.push(`${where}: not https`);
			else if (!notes.some(([start, stop]) => at > start && at < stop))
				stray.push(`${where}: outside the production notes`);
			else if (rel !== 'external noopener noreferrer') stray.push(`${where}: rel="${rel ?? ''}"`);
			else if (
				!/class="(?:[^"]*\s)?external-mark[\s"][^>]*aria-hidden="true"/.test(text) ||
				!/class="(?:[^"]*\s)?sr-only[\s"][^>]*>\s*\(external\)\s*</.test(text)
			)
				stray.push(`${where}: not marked external`);
			else sources += 1;
		}
	}
	expect(stray).toEqual([]);
	expect(sources).toBeGreaterThan(20);
});
