import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sections } from '#data/sections.ts';
import { snippets } from '#data/snippets.ts';
import { cellText } from '#lib/sheet/sheet.ts';
import { expect, sheet, test } from './fixtures.ts';
import type { Page, TestInfo } from '@playwright/test';

const poppler =
	'pdftotext and pdftoppm are missing: install Debian’s poppler-utils (`apt-get install -y poppler-utils`, or `bash scripts/install-test-tools.sh`).';

async function printToPdf(page: Page, testInfo: TestInfo, name: string): Promise<string> {
	expect(spawnSync('pdftotext', ['-v']).error, poppler).toBeUndefined();
	const path = testInfo.outputPath(`${name}.pdf`);
	writeFileSync(path, await page.pdf({ format: 'A4', printBackground: true }));
	return path;
}

/**
 * The PDF's text with white space and hyphens taken out, as `squash` does to what we look for:
 * pdftotext joins a line ending in a hyphen to the next, and wrapping moves line breaks.
 */
const pdfText = (path: string) =>
	squash(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
const squash = (text: string) => text.replace(/[\s-]+/g, '');

/** Mean brightness (0–255) of the first pages, rendered small in grey. */
function meanBrightness(path: string, testInfo: TestInfo): number {
	const prefix = testInfo.outputPath('page');
	execFileSync('pdftoppm', ['-r', '20', '-gray', '-f', '1', '-l', '3', path, prefix]);
	const pages = readdirSync(testInfo.outputDir).filter(
		(file) => file.startsWith('page') && file.endsWith('.pgm'),
	);
	let sum = 0;
	let count = 0;
	for (const file of pages) {
		const data = readFileSync(join(testInfo.outputDir, file));
		// Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte a pixel.
		const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'));
		const pixels = data.subarray((header?.[0] ?? '').length);
		for (const value of pixels) sum += value;
		count += pixels.length;
	}
	return sum / count;
}

test(
	'the whole sheet prints every section and every template, in light colours, without the site’s chrome',
	{ tag: '@subpath' },
	async ({ page }, testInfo) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('all/');
		await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible();
		const pdf = await printToPdf(page, testInfo, 'all');
		const text = pdfText(pdf);

		for (const section of sections)
			expect(text, section.heading).toContain(squash(section.heading));
		expect(text).toContain(squash('Request Logging Middleware'));
		for (const block of sheet.codeBlocks)
			expect(text, block.heading).toContain(squash(block.code.split('\n')[0] ?? ''));
		// A wrapped cell interleaves with its neighbours in the text, so each of its words is looked for.
		const cellWords = sheet.tables.flatMap((table) =>
			table.rows.flat().flatMap((cell) => cellText(cell).split(/\s+/)),
		);
		for (const word of cellWords) expect(text).toContain(squash(word));
		expect(text).toContain(
			squash('(https://github.com/trallnag/prometheus-fastapi-instrumentator)'),
		);
		for (const chrome of [
			'Print / Save as PDF',
			'Whole sheet, one page',
			'Filter metrics',
			'Copy rule',
			'Chart only',
			'Rule',
			'Ctrl K',
			'↕',
			'Download',
			'Fill in your service',
		])
			expect(text).not.toContain(squash(chrome));
		expect(meanBrightness(pdf, testInfo)).toBeGreaterThan(225);
		// The screen theme comes back after printing.
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	},
);

test('a single section page prints cleanly too', async ({ page }, testInfo) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('gunicorn/');
	const text = pdfText(await printToPdf(page, testInfo, 'gunicorn'));
	expect(text).toContain(squash('Gunicorn Config Template'));
	expect(text).toContain(squash('max_requests_jitter = 100'));
	// Both variants print, each under its label, the hidden tab's too; no Download buttons.
	for (const label of ['Cheat sheet version', 'Hardened version'])
		expect(text).toContain(squash(label));
	expect(text).toContain(squash('worker_class = "uvicorn_worker.UvicornWorker"'));
	expect(text).toContain(squash('Smoke-run on Debian unstable'));
	expect(text).not.toContain(squash('Download gunicorn.conf.py'));
	for (const chrome of ['Observability', 'Next', 'Previous', 'Search'])
		expect(text).not.toContain(chrome);
});

interface PdfLine {
	x: number;
	top: number;
	text: string;
}

/** The PDF's text lines, page by page, top to bottom and left to right, with where each starts. */
function pdfLines(path: string): PdfLine[][] {
	const xml = execFileSync('pdftotext', ['-bbox-layout', path, '-'], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	const unescape = (text: string) =>
		text
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&');
	return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, body]) =>
		[...(body ?? '').matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)]
			.map(([, x, top, words]) => ({
				x: Number(x),
				top: Number(top),
				text: unescape(
					[...(words ?? '').matchAll(/<word [^>]*>([^<]*)<\/word>/g)]
						.map((word) => word[1])
						.join(' '),
				),
			}))
			.sort((a, b) => Math.round(a.top) - Math.round(b.top) || a.x - b.x),
	);
}

test('no printed page of the whole sheet ends with a heading or a table’s header row', async ({
	page,
}, testInfo) => {
	await page.goto('all/');
	const headings = (await page.locator('main').locator('h2, h3, h4').allTextContents())
		.map((text) => squash(text))
		.filter((text) => text.length > 3);
	const headerRows = await page.locator('main thead').evaluateAll((heads) =>
		heads.map((head) =>
			[...head.querySelectorAll('th[data-column]')]
				.flatMap((th) => (th.textContent ?? '').split(/\s+/))
				.filter(Boolean)
				.sort(),
		),
	);
	expect(headings).toContain(squash('Key Production Metrics'));
	expect(headerRows.length).toBeGreaterThanOrEqual(3);

	const pages = pdfLines(await printToPdf(page, testInfo, 'all-breaks'));
	expect(pages.length).toBeGreaterThan(3);
	pages.forEach((lines, index) => {
		const text = squash(lines.map((line) => line.text).join(' '));
		const words = lines.flatMap((line) => line.text.split(/\s+/)).filter(Boolean);
		for (const heading of headings)
			expect(text.endsWith(heading), `page ${index + 1} ends with the heading “${heading}”`).toBe(
				false,
			);
		for (const header of headerRows)
			expect(
				words.slice(-header.length).sort(),
				`page ${index + 1} ends with a table’s header row`,
			).not.toEqual(header);
	});
});

test('a wrapped code line continues indented past where it starts, so its indentation still reads', async ({
	page,
}, testInfo) => {
	await page.goto('all/');
	const templates = snippets.map((snippet) =>
		readFileSync(new URL(`../../src/snippets/${snippet.file}`, import.meta.url), 'utf8'),
	);
	const codeLines = new Set(
		templates
			.flatMap((text) => text.split('\n'))
			.map((line) => line.trim().replace(/\s+/g, ' '))
			.filter(Boolean),
	);
	const pages = pdfLines(await printToPdf(page, testInfo, 'all-wrap'));
	let wrapped = 0;
	for (const lines of pages) {
		lines.forEach((line, index) => {
			const next = lines[index + 1];
			// A PDF line that starts a longer template line, which the next PDF line carries on.
			if (!next || codeLines.has(line.text)) return;
			const nextWord = next.text.split(' ')[0] ?? '';
			const whole = [...codeLines].find(
				(code) =>
					code.startsWith(`${line.text} ${nextWord}`) || code.startsWith(`${line.text}${nextWord}`),
			);
			if (!whole) return;
			wrapped += 1;
			expect(next.x, `“${next.text}” continues “${line.text}”`).toBeGreaterThan(line.x + 8);
		});
	}
	expect(wrapped, 'some template lines wrap on A4').toBeGreaterThan(1);
});
