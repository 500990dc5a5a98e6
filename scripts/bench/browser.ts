/**
 * What a browser downloads and how long search takes, measured in Chromium through Playwright.
 * Bytes are what came over the wire (see `recordNetwork`), in a fresh context (empty cache) per
 * measurement.
 */
import { get } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.ts';
import { median } from './report.ts';

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
	const sum = (list: readonly Transfer[]) => list.reduce((total, transfer) => total + transfer.bytes, 0);
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
		const registered = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length > 0);
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

/** Types between keystrokes: a quick typist. Pagefind's UI waits 300 ms after the last one. */
const keyDelayMs = 100;

async function openSearch(page: Page) {
	await page.click('site-search button[data-open-modal]');
	const field = page.locator('#starlight__search input');
	await field.waitFor({ state: 'visible' });
	return field;
}

/**
 * Types `query` into the open search and resolves with the time from the last keystroke
 * (keydown) to the first result of that query painted: its title link visible, with the
 * results message naming the whole query (so a result of a half-typed query does not count).
 */
async function timeSearch(page: Page, query: string): Promise<number> {
	await page.evaluate((text) => {
		const root = document.querySelector('#starlight__search');
		const state = { lastKey: 0 };
		const bench = window as unknown as { __benchKeys?: { lastKey: number }; __benchResult?: Promise<number> };
		if (!bench.__benchKeys) {
			bench.__benchKeys = state;
			window.addEventListener('keydown', (event) => bench.__benchKeys && (bench.__benchKeys.lastKey = event.timeStamp), { capture: true });
		}
		const keys = bench.__benchKeys;
		keys.lastKey = 0;
		bench.__benchResult = new Promise<number>((resolve) => {
			const check = () => {
				if (!root || !keys.lastKey) return;
				const message = root.querySelector('.pagefind-ui__message')?.textContent ?? '';
				const list = root.querySelector('.pagefind-ui__results');
				if (!list || !message.includes(text)) return;
				const link = list.querySelector<HTMLElement>('.pagefind-ui__result-link');
				if (link?.checkVisibility()) {
					observer.disconnect();
					requestAnimationFrame(() => resolve(performance.now() - keys.lastKey));
				} else if (!list.querySelector('.pagefind-ui__result')) {
					observer.disconnect();
					resolve(Number.NaN);
				}
			};
			const observer = new MutationObserver(check);
			if (root) observer.observe(root, { childList: true, subtree: true, characterData: true });
		});
	}, query);
	await page.locator('#starlight__search input').pressSequentially(query, { delay: keyDelayMs });
	return page.evaluate(() =>
		Promise.race([
			(window as unknown as { __benchResult: Promise<number> }).__benchResult,
			new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 15_000)),
		]),
	);
}

const pagefindBytes = (transfers: readonly Transfer[]) =>
	transfers.filter((transfer) => new URL(transfer.url).pathname.includes('/pagefind/')).reduce((total, transfer) => total + transfer.bytes, 0);

/** A fresh context with the home page loaded, search's idle-loaded UI in place, the network quiet. */
async function freshPage(browser: Browser, origin: string) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const network = recordNetwork(context);
	const page = await context.newPage();
	await page.goto(`${origin}/`, { waitUntil: 'load' });
	await page.locator('#starlight__search input').waitFor({ state: 'attached' });
	await network.quiet(500);
	return { context, network, page };
}

export interface SearchRun {
	/** Last keystroke to first visible result, ms; NaN when no result came. */
	ms: number;
	/** Bytes under `pagefind/` fetched from opening search (cold) or typing (warm) until quiet. */
	bytes: number;
}

/**
 * The first search of a fresh browser context: page loaded and idle, search opened, `query`
 * typed. Pagefind starts when the field gets focus, so its start-up (script, worker, wasm,
 * metadata) is in the bytes, and in the time as far as typing has not hidden it.
 */
export async function coldSearch(browser: Browser, origin: string, query: string): Promise<SearchRun> {
	const { context, network, page } = await freshPage(browser, origin);
	try {
		const mark = Date.now();
		await openSearch(page);
		const ms = await timeSearch(page, query);
		await network.quiet(500);
		return { ms, bytes: pagefindBytes(network.since(mark)) };
	} finally {
		await context.close();
	}
}

/** Later searches: one page that has searched once (`warmUp`) runs each query, the field cleared in between. */
export async function warmSearches(browser: Browser, origin: string, queries: readonly string[], warmUp = 'docker'): Promise<SearchRun[]> {
	const { context, network, page } = await freshPage(browser, origin);
	try {
		const field = await openSearch(page);
		await timeSearch(page, warmUp);
		await network.quiet(500);
		const runs: SearchRun[] = [];
		for (const query of queries) {
			await field.fill('');
			await page.locator('#starlight__search .pagefind-ui__results').waitFor({ state: 'detached' });
			const mark = Date.now();
			const ms = await timeSearch(page, query);
			await network.quiet(500);
			runs.push({ ms, bytes: pagefindBytes(network.since(mark)) });
		}
		return runs;
	} finally {
		await context.close();
	}
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
		missing: timings.filter((timing) => !Number.isFinite(timing.cold.ms) || !Number.isFinite(timing.warm.ms)).map((timing) => timing.query),
	};
}
