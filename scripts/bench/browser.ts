/**
 * What a browser downloads and how long search takes, measured in Chromium through Playwright.
 * Bytes are what came over the wire (see `recordNetwork`), in a fresh context (empty cache) per
 * measurement.
 */
import { get } from 'node:http';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
	type Request,
} from '@playwright/test';
import { chromiumLaunchOptions } from '#scripts/chromium.ts';
import { median } from './report.ts';
import type { SearchDriver, TextMatch } from './search-drivers.ts';

export function launchBrowser(): Promise<Browser> {
	return chromium.launch(chromiumLaunchOptions);
}

interface Transfer {
	url: string;
	/** Playwright's resource type: document, stylesheet, script, fetch, font, image … */
	type: string;
	bytes: number;
	encoding: string;
	/** Made by a service worker, not by the page or its workers. */
	byServiceWorker: boolean;
	/** Date.now() when the request was sent. */
	sent: number;
}

/**
 * Records every request made in the context, the page's dedicated workers included (Pagefind
 * searches in one), and waits for the network to fall quiet. Bytes are Playwright's sizes:
 * response headers plus the encoded body, which Playwright derives from Chromium's
 * `Network.loadingFinished` encodedDataLength, i.e. what came over the wire.
 */
function recordNetwork(context: BrowserContext) {
	const sent = new WeakMap<Request, number>();
	const done: Transfer[] = [];
	let inFlight = 0;
	let lastEvent = Date.now();
	const counted = (request: Request) => request.url().startsWith('http');
	context.on('request', (request) => {
		if (!counted(request)) return;
		inFlight++;
		lastEvent = Date.now();
		sent.set(request, lastEvent);
	});
	context.on('requestfinished', async (request) => {
		if (!counted(request)) return;
		try {
			const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
			done.push({
				url: request.url(),
				type: request.resourceType(),
				bytes: Math.max(0, sizes.responseHeadersSize + sizes.responseBodySize),
				encoding: response?.headers()['content-encoding'] ?? '',
				byServiceWorker: request.serviceWorker() !== null,
				sent: sent.get(request) ?? 0,
			});
		} catch {
			// The context closed while its sizes were read.
		}
		inFlight--;
		lastEvent = Date.now();
	});
	context.on('requestfailed', (request) => {
		if (!counted(request)) return;
		inFlight--;
		lastEvent = Date.now();
	});
	return {
		done,
		/** Resolves once nothing has been in flight for `quietMs` (or after `maxMs`). */
		async quiet(quietMs = 1000, maxMs = 20_000): Promise<void> {
			const start = Date.now();
			while (Date.now() - start < maxMs && (inFlight > 0 || Date.now() - lastEvent < quietMs)) {
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		},
		/** Transfers of requests sent since `since` (a Date.now()). */
		since(since: number): Transfer[] {
			return done.filter((transfer) => transfer.sent >= since);
		},
	};
}

export interface PageWeight {
	html: number;
	css: number;
	js: number;
	/** Fonts, images, JSON and anything else. */
	other: number;
	total: number;
	requests: number;
	/** Content-Encoding values seen on HTML, CSS and JS (`br`, `gzip`). */
	encodings: string[];
}

function weigh(transfers: readonly Transfer[]): PageWeight {
	const of = (type: string) => transfers.filter((transfer) => transfer.type === type);
	const sum = (list: readonly Transfer[]) =>
		list.reduce((total, transfer) => total + transfer.bytes, 0);
	const text = [...of('document'), ...of('stylesheet'), ...of('script')];
	const total = sum(transfers);
	return {
		html: sum(of('document')),
		css: sum(of('stylesheet')),
		js: sum(of('script')),
		other: total - sum(text),
		total,
		requests: transfers.length,
		encodings: [...new Set(text.map((transfer) => transfer.encoding || 'none'))],
	};
}

/**
 * A cold first visit: a fresh context, the page loaded, then everything the page fetches by
 * itself until its network is quiet (Starlight loads search's UI when the browser is idle).
 * Service workers are blocked here, so the figure is the page's load only; the precache is
 * measured by `precache`.
 */
export async function firstVisit(browser: Browser, url: string): Promise<PageWeight> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const network = recordNetwork(context);
		const page = await context.newPage();
		const response = await page.goto(url, { waitUntil: 'load' });
		if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
		await network.quiet();
		return weigh(network.done);
	} finally {
		await context.close();
	}
}

export interface Precache {
	/** Files the worker fetched into its cache (Workbox's precache). */
	requests: number;
	bytes: number;
	/** The worker's own scripts (`sw.js` and what it imports). */
	scripts: number;
	scriptBytes: number;
}

/**
 * Bytes of one response as the server sends it (status line, headers, compressed body), read
 * with Node. Used for the service worker's scripts, for which Chromium reports no body size.
 */
function servedBytes(url: string): Promise<number> {
	return new Promise((resolve, reject) => {
		get(url, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }, (response) => {
			let bytes = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n\r\n`.length;
			for (let index = 0; index < response.rawHeaders.length; index += 2) {
				bytes += `${response.rawHeaders[index]}: ${response.rawHeaders[index + 1]}\r\n`.length;
			}
			response.on('data', (chunk: Buffer) => (bytes += chunk.length));
			response.on('end', () => resolve(bytes));
		}).on('error', reject);
	});
}

/**
 * What a service worker downloads after the first visit: a fresh context with service workers
 * allowed, the page loaded, then the worker's own requests until it is ready. Zero for a site
 * without one.
 */
export async function precache(browser: Browser, url: string): Promise<Precache> {
	const context = await browser.newContext();
	try {
		const network = recordNetwork(context);
		const page = await context.newPage();
		await page.goto(url, { waitUntil: 'load' });
		await network.quiet();
		const registered = await page.evaluate(
			async () => (await navigator.serviceWorker.getRegistrations()).length > 0,
		);
		if (registered) {
			await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
			await network.quiet();
		}
		const byWorker = network.done.filter((transfer) => transfer.byServiceWorker);
		const cached = byWorker.filter((transfer) => transfer.type === 'fetch');
		const scripts = byWorker.filter((transfer) => transfer.type !== 'fetch');
		const scriptBytes = await Promise.all(scripts.map((transfer) => servedBytes(transfer.url)));
		return {
			requests: cached.length,
			bytes: cached.reduce((total, transfer) => total + transfer.bytes, 0),
			scripts: scripts.length,
			scriptBytes: scriptBytes.reduce((total, size) => total + size, 0),
		};
	} finally {
		await context.close();
	}
}

/** Time between keystrokes: a quick typist. Pagefind's UI waits 300 ms after the last one. */
export const keyDelayMs = 100;
/** A search whose result has not shown by then has none. */
const resultTimeoutMs = 15_000;

/**
 * Types `query` into the open search's field and resolves with the time from the last keystroke
 * (its keydown) to the first result of the whole query visible, as the driver's `probe` tells it
 * (so a result of a half-typed query does not count), at the next animation frame; NaN when the
 * whole query shows no result.
 */
async function timeSearch(
	page: Page,
	field: Locator,
	driver: SearchDriver,
	query: string,
): Promise<number> {
	await page.evaluate((probe) => {
		const bench = window as unknown as {
			__benchKeys?: { lastKey: number };
			__benchResult?: Promise<number>;
		};
		if (!bench.__benchKeys) {
			const state = { lastKey: 0 };
			bench.__benchKeys = state;
			window.addEventListener('keydown', (event) => (state.lastKey = event.timeStamp), {
				capture: true,
			});
		}
		const keys = bench.__benchKeys;
		keys.lastKey = 0;
		const says = (match: TextMatch) =>
			(document.querySelector(match.selector)?.textContent ?? '').includes(match.text);
		bench.__benchResult = new Promise<number>((resolve) => {
			const check = () => {
				if (!keys.lastKey) return;
				if (says(probe.none)) {
					observer.disconnect();
					resolve(Number.NaN);
				} else if (
					(!probe.whole || says(probe.whole)) &&
					document.querySelector<HTMLElement>(probe.hit)?.checkVisibility()
				) {
					observer.disconnect();
					requestAnimationFrame(() => resolve(performance.now() - keys.lastKey));
				}
			};
			const observer = new MutationObserver(check);
			observer.observe(document.documentElement, {
				childList: true,
				subtree: true,
				characterData: true,
				attributes: true,
			});
		});
	}, driver.probe(query));
	await field.pressSequentially(query, { delay: keyDelayMs });
	return page.evaluate(
		(timeoutMs) =>
			Promise.race([
				(window as unknown as { __benchResult: Promise<number> }).__benchResult,
				new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), timeoutMs)),
			]),
		resultTimeoutMs,
	);
}

const pagefindBytes = (transfers: readonly Transfer[]) =>
	transfers
		.filter((transfer) => new URL(transfer.url).pathname.includes('/pagefind/'))
		.reduce((total, transfer) => total + transfer.bytes, 0);

/**
 * A fresh context with the home page loaded, what the site's search driver needs in place (stock:
 * the Pagefind UI that Starlight loads when idle; ours: the search button), the network quiet.
 */
async function freshPage(browser: Browser, origin: string, driver: SearchDriver) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const network = recordNetwork(context);
		const page = await context.newPage();
		await page.goto(`${origin}/`, { waitUntil: 'load' });
		await driver.ready(page);
		await network.quiet(500);
		return { context, network, page };
	} catch (error) {
		await context.close();
		throw error;
	}
}

export interface SearchRun {
	/** Last keystroke to first visible result, ms; NaN when no result came. */
	ms: number;
	/** Bytes under `pagefind/` fetched from opening search (cold) or typing (warm) until quiet. */
	bytes: number;
	/** Why the driver could not search (a step timed out): the UI is not what the driver expects. */
	error?: string;
}

/** A run that could not be made, with the reason in a line: Playwright's first, and what it waited for. */
export function failedRun(error: unknown): SearchRun {
	const lines = (error instanceof Error ? error.message : String(error))
		// eslint-disable-next-line no-control-regex -- strips the terminal colour codes in Playwright's message
		.replace(/\u001b\[\d+m/g, '')
		.split('\n');
	const waited = lines
		.find((line) => line.includes('waiting for'))
		?.trim()
		.replace(/^- /, '');
	return { ms: Number.NaN, bytes: Number.NaN, error: [lines[0], waited].filter(Boolean).join(' ') };
}

/**
 * The first search of a fresh browser context: page loaded and idle, search opened, `query`
 * typed. Pagefind's start-up (script, worker, wasm, metadata) is in the bytes, and in the time as
 * far as typing has not hidden it: ours starts it when search opens, stock's Pagefind UI when
 * its field gets focus.
 */
export async function coldSearch(
	browser: Browser,
	origin: string,
	driver: SearchDriver,
	query: string,
): Promise<SearchRun> {
	let context: BrowserContext | undefined;
	try {
		const fresh = await freshPage(browser, origin, driver);
		context = fresh.context;
		const mark = Date.now();
		const field = await driver.open(fresh.page);
		const ms = await timeSearch(fresh.page, field, driver, query);
		await fresh.network.quiet(500);
		return { ms, bytes: pagefindBytes(fresh.network.since(mark)) };
	} catch (error) {
		return failedRun(error);
	} finally {
		await context?.close();
	}
}

/**
 * Later searches: one page that has searched once (`warmUp`) runs each query, the field cleared
 * in between. After a step fails, the remaining queries fail with it.
 */
export async function warmSearches(
	browser: Browser,
	origin: string,
	driver: SearchDriver,
	queries: readonly string[],
	warmUp = 'docker',
): Promise<SearchRun[]> {
	const runs: SearchRun[] = [];
	let context: BrowserContext | undefined;
	try {
		const { network, page, ...fresh } = await freshPage(browser, origin, driver);
		context = fresh.context;
		const field = await driver.open(page);
		await timeSearch(page, field, driver, warmUp);
		await network.quiet(500);
		for (const query of queries) {
			await driver.clear(page, field);
			const mark = Date.now();
			const ms = await timeSearch(page, field, driver, query);
			await network.quiet(500);
			runs.push({ ms, bytes: pagefindBytes(network.since(mark)) });
		}
	} catch (error) {
		const failed = failedRun(error);
		while (runs.length < queries.length) runs.push(failed);
	} finally {
		await context?.close();
	}
	return runs;
}

export interface SearchTiming {
	query: string;
	cold: SearchRun;
	warm: SearchRun;
}

export function searchSummary(timings: readonly SearchTiming[]) {
	return {
		coldMs: median(timings.map((timing) => timing.cold.ms)),
		warmMs: median(timings.map((timing) => timing.warm.ms)),
		coldBytes: median(timings.map((timing) => timing.cold.bytes)),
		warmBytes: median(timings.map((timing) => timing.warm.bytes)),
		missing: timings
			.filter((timing) => !Number.isFinite(timing.cold.ms) || !Number.isFinite(timing.warm.ms))
			.map((timing) => timing.query),
		errors: [
			...new Set(
				timings
					.flatMap((timing) => [timing.cold.error, timing.warm.error])
					.filter((error) => error !== undefined),
			),
		],
	};
}
