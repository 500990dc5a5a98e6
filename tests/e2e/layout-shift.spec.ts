/**
 * The pages with widgets must not move when their scripts enhance them (Lighthouse's CLS): the
 * layout shifts a reader would see while a page loads, summed as the browser reports them.
 */
import { expect, test } from './fixtures.ts';

const widgetPages = ['metrics/', 'base-images/', 'workers/', 'all/'];
const viewports = { phone: { width: 412, height: 823 }, desktop: { width: 1280, height: 900 } };

for (const [device, viewport] of Object.entries(viewports)) {
	for (const path of widgetPages) {
		test(`/${path} does not shift while it loads (${device})`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			// Scripts that enhance on idle have run by now; the observer reports every shift so far.
			const shift = await page.evaluate(
				() =>
					new Promise<number>((resolve) => {
						let total = 0;
						new PerformanceObserver((list) => {
							for (const entry of list.getEntries() as Array<
								PerformanceEntry & { value: number; hadRecentInput: boolean }
							>) {
								if (!entry.hadRecentInput) total += entry.value;
							}
						}).observe({ type: 'layout-shift', buffered: true });
						requestIdleCallback(() => resolve(total));
					}),
			);
			expect(shift).toBeLessThan(0.01);
		});
	}
}
