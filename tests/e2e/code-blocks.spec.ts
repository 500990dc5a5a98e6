import type { Locator, Page } from '@playwright/test';
import { expect, pagePaths, pasted, sheet, test } from './fixtures.ts';

/**
 * Where the copy button of each frame overlaps code text, at the frame's current scroll: the
 * visible part of every glyph run (a text node's line box, clipped to the code's scrollport)
 * against the button's box.
 */
function overlaps(frames: Locator) {
	return frames.evaluateAll((figures) =>
		figures.flatMap((figure) => {
			const pre = figure.querySelector('pre');
			const button = figure.querySelector('.copy button');
			if (!pre || !button) return [];
			const port = pre.getBoundingClientRect();
			const b = button.getBoundingClientRect();
			const hits: string[] = [];
			const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent ?? '';
				for (const match of text.matchAll(/\S+/g)) {
					const range = document.createRange();
					range.setStart(node, match.index);
					range.setEnd(node, match.index + match[0].length);
					for (const r of range.getClientRects()) {
						const left = Math.max(r.left, port.left);
						const right = Math.min(r.right, port.right);
						if (right <= left) continue;
						if (left < b.right && right > b.left && r.top < b.bottom && r.bottom > b.top)
							hits.push(`“${match[0]}” at scrollLeft ${pre.scrollLeft}`);
					}
				}
			}
			return hits;
		}),
	);
}

const scrollAll = (frames: Locator, to: 'start' | 'middle' | 'end') =>
	frames.evaluateAll((figures, where) => {
		for (const pre of figures.map((figure) => figure.querySelector('pre'))) {
			if (!pre) continue;
			const max = pre.scrollWidth - pre.clientWidth;
			pre.scrollLeft = where === 'start' ? 0 : where === 'middle' ? max / 2 : max;
		}
	}, to);

for (const width of [390, 1280]) {
	test(`at ${width} px the copy button covers no code, however far the code is scrolled`, async ({
		page,
	}) => {
		await page.setViewportSize({ width, height: 844 });
		let framesSeen = 0;
		for (const path of pagePaths) {
			await page.goto(path);
			const frames = page.locator('.expressive-code figure.frame');
			const count = await frames.count();
			framesSeen += count;
			if (count === 0) continue;
			for (const where of ['start', 'middle', 'end'] as const) {
				await scrollAll(frames, where);
				expect(await overlaps(frames), `/${path} scrolled to the ${where}`).toEqual([]);
			}
		}
		expect(framesSeen).toBeGreaterThanOrEqual(sheet.codeBlocks.length * 2);
	});
}

/** Mean colour of a strip of the screen, read back from a screenshot in the page's own canvas. */
async function meanColour(
	page: Page,
	clip: { x: number; y: number; width: number; height: number },
): Promise<number[]> {
	const png = (await page.screenshot({ clip })).toString('base64');
	return page.evaluate(async (data) => {
		const image = new Image();
		image.src = `data:image/png;base64,${data}`;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = image.width;
		canvas.height = image.height;
		const context = canvas.getContext('2d');
		if (!context) return [];
		context.drawImage(image, 0, 0);
		const pixels = context.getImageData(0, 0, image.width, image.height).data;
		const sum = [0, 0, 0];
		for (let i = 0; i < pixels.length; i += 4)
			for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (pixels[i + c] ?? 0);
		return sum.map((value) => Math.round(value / (pixels.length / 4)));
	}, png);
}

const distance = (a: number[], b: number[]) =>
	Math.max(...a.map((value, i) => Math.abs(value - (b[i] ?? 0))));

for (const path of ['logging/', 'quick-commands/']) {
	for (const theme of ['light', 'dark'] as const) {
		test(`at 1280 px, /${path} shows at the clipped edge (${theme}) that its code scrolls, and only while it does`, async ({
			page,
		}) => {
			await page.emulateMedia({ colorScheme: theme });
			await page.setViewportSize({ width: 1280, height: 900 });
			await page.goto(path);
			const pre = page.locator('.expressive-code pre').first();
			await pre.scrollIntoViewIfNeeded();
			const box = await pre.evaluate((element) => {
				const port = element.getBoundingClientRect();
				// A blank line: nothing but the code's background and the hint can show there.
				const blank = [...element.querySelectorAll('.ec-line')].find(
					(line) => !line.textContent?.trim(),
				);
				const line = blank?.getBoundingClientRect();
				return {
					left: port.left,
					right: port.right,
					top: line?.top ?? 0,
					height: line?.height ?? 0,
					overflow: element.scrollWidth - element.clientWidth,
				};
			});
			expect(box.overflow, 'the code is wider than its frame').toBeGreaterThan(20);
			const edge = (side: 'start' | 'end') => ({
				x: side === 'end' ? box.right - 14 : box.left + 3,
				y: box.top + 2,
				width: 11,
				height: box.height - 4,
			});
			const background = await meanColour(page, {
				x: (box.left + box.right) / 2,
				y: box.top + 2,
				width: 40,
				height: box.height - 4,
			});

			// At the start, the end edge shows more is there, the start edge does not.
			expect(
				distance(await meanColour(page, edge('end')), background),
				'hint at the end edge',
			).toBeGreaterThan(12);
			expect(
				distance(await meanColour(page, edge('start')), background),
				'no hint at the start edge',
			).toBeLessThan(4);

			// Scrolled to the end, the hint moves to the start edge.
			await pre.evaluate((element) => (element.scrollLeft = element.scrollWidth));
			await expect
				.poll(async () => distance(await meanColour(page, edge('end')), background), {
					message: 'no hint at the end edge',
				})
				.toBeLessThan(4);
			expect(
				distance(await meanColour(page, edge('start')), background),
				'hint at the start edge',
			).toBeGreaterThan(12);

			// The hint is only paint: the copy button still copies the template exactly.
			await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
			const frame = page.locator('.expressive-code figure').first();
			await frame.hover();
			await frame.getByRole('button', { name: 'Copy to clipboard' }).click();
			const block = sheet.codeBlocks.find((entry) =>
				entry.code.startsWith(
					path === 'logging/' ? '# app/logging_config.py' : '# Run production locally',
				),
			);
			await pasted(page).toBe(block?.code);
		});
	}
}

test('code that fits its frame shows no scroll hint', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('gunicorn/');
	const pre = page.locator('.expressive-code pre').first();
	const box = await pre.evaluate((element) => {
		const port = element.getBoundingClientRect();
		const blank = [...element.querySelectorAll('.ec-line')]
			.find((line) => !line.textContent?.trim())
			?.getBoundingClientRect();
		return {
			right: port.right,
			left: port.left,
			top: blank?.top ?? 0,
			height: blank?.height ?? 0,
			overflow: element.scrollWidth - element.clientWidth,
		};
	});
	expect(box.overflow).toBe(0);
	const background = await meanColour(page, {
		x: (box.left + box.right) / 2,
		y: box.top + 2,
		width: 40,
		height: box.height - 4,
	});
	expect(
		distance(
			await meanColour(page, {
				x: box.right - 14,
				y: box.top + 2,
				width: 11,
				height: box.height - 4,
			}),
			background,
		),
	).toBeLessThan(4);
});
