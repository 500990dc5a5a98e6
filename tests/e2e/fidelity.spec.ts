import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sections } from '#data/sections.ts';
import { snippets } from '#data/snippets.ts';
import { cellText } from '#lib/sheet/sheet.ts';
import { expect, sheet, pasted, test } from './fixtures.ts';

const slugOf = (heading: string) => sections.find((section) => section.heading === heading)?.slug;
const pageOfHeading = new Map<string, string>();
for (const heading of sheet.headings) {
	pageOfHeading.set(
		heading.text,
		slugOf(heading.text) ?? pageOfHeading.get([...pageOfHeading.keys()].at(-1) ?? '') ?? '',
	);
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the home page shows the sheet’s title and subtitle', async ({ page }) => {
	await page.goto('');
	await expect(page.locator('main')).toContainText(sheet.title);
	await expect(page.locator('main')).toContainText(sheet.subtitle);
});

for (const section of sections) {
	test(`/${section.slug}/ shows every heading and table cell of its section`, async ({ page }) => {
		await page.goto(`${section.slug}/`);
		await expect(page.locator('h1')).toHaveText(section.heading);
		const main = page.locator('main');
		for (const [heading, slug] of pageOfHeading) {
			if (slug === section.slug && heading !== section.heading)
				await expect(main.locator('h2, h3', { hasText: heading })).toBeVisible();
		}
		for (const table of sheet.tables.filter((entry) => entry.heading === section.heading)) {
			const rendered = main.locator('table').first();
			await expect(rendered.locator('th[data-column]')).toHaveText(table.header.map(cellText));
			const rows = rendered.locator('tbody tr');
			await expect(rows).toHaveCount(table.rows.length);
			for (const [index, row] of table.rows.entries())
				await expect(rows.nth(index).locator('td[data-column]')).toHaveText(row.map(cellText));
		}
	});
}

sheet.codeBlocks.forEach((block, index) => {
	const snippet = snippets[index];
	test(`code block ${index + 1} (${snippet?.file}) is highlighted, titled and copies the sheet’s text exactly`, async ({
		page,
	}) => {
		await page.goto(`${pageOfHeading.get(block.heading)}/`);
		const frame = page.locator(`[data-snippet="${snippet?.file}"] figure`);
		const pre = frame.locator('pre');
		await expect(pre).toHaveAttribute('data-language', block.lang);
		// Shiki colours tokens: a highlighted block has many differently coloured spans.
		const colours = await pre
			.locator('span[style]')
			.evaluateAll((spans) => new Set(spans.map((span) => getComputedStyle(span).color)).size);
		expect(colours).toBeGreaterThan(2);
		if (snippet?.title) await expect(frame.locator('figcaption .title')).toHaveText(snippet.title);
		else await expect(frame.locator('figcaption .title:not(:empty)')).toHaveCount(0);
		const shown = await pre
			.locator('.ec-line')
			.evaluateAll((lines) =>
				lines.map((line) => (line.textContent ?? '').replace(/\n$/, '')).join('\n'),
			);
		expect(shown).toBe(block.code);

		// "Copied!" shows for a second and a half: watched from inside the page, so a busy machine
		// that polls less often cannot miss it.
		const feedback = frame.evaluate(
			(figure) =>
				new Promise<string>((resolve) => {
					new MutationObserver((_, observer) => {
						const shown = figure.querySelector('.feedback');
						if (!shown) return;
						observer.disconnect();
						resolve(shown.textContent ?? '');
					}).observe(figure, { childList: true, subtree: true });
				}),
		);
		await frame.getByRole('button', { name: 'Copy to clipboard' }).click();
		expect(await feedback).toBe('Copied!');
		await pasted(page).toBe(block.code);
	});
});

test(
	'the damaged dash is repaired everywhere in the built site',
	{ tag: '@subpath' },
	async ({ page }, testInfo) => {
		await page.goto('base-images/');
		await expect(
			page.locator('td', { hasText: 'Default choice — pre-built wheels work' }),
		).toBeVisible();
		const textFiles = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
				entry.isDirectory()
					? textFiles(join(dir, entry.name))
					: /\.(html|js|css|xml|json|txt)$/.test(entry.name)
						? [join(dir, entry.name)]
						: [],
			);
		const files = textFiles(String(testInfo.project.metadata['outDir']));
		expect(files.length).toBeGreaterThan(10);
		for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain('â€');
	},
);
