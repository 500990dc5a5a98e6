/**
 * Lighthouse's four category scores and three metrics for a page, with its default settings
 * (the mobile preset: a mid-range phone on slow 4G, simulated) in Debian's Chromium.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { categories, type Scores } from './report.ts';
import { chromiumFlags, chromiumPath } from '#scripts/chromium.ts';

export interface LighthouseResult {
	scores: Scores;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	/** Weighted audits that did not pass, by category: why a score is under 100. */
	failing: string[];
	/** Lighthouse's own error or warnings, when it had any. */
	problem: string;
}

export type Chrome = Awaited<ReturnType<typeof chromeLauncher.launch>>;

export function launchChrome(): Promise<Chrome> {
	return chromeLauncher.launch({
		chromePath: chromiumPath,
		chromeFlags: chromiumFlags,
		logLevel: 'silent',
	});
}

const failed = (problem: string): LighthouseResult => ({
	scores: Object.fromEntries(categories.map((category) => [category, Number.NaN])) as Scores,
	lcpMs: Number.NaN,
	tbtMs: Number.NaN,
	cls: Number.NaN,
	failing: [],
	problem,
});

/**
 * One run against `url` in the launched Chrome (Lighthouse clears the origin's cache and storage
 * first). A run that throws comes back without scores, its error as the problem.
 */
export async function runLighthouse(chrome: Chrome, url: string): Promise<LighthouseResult> {
	try {
		return await audit(chrome, url);
	} catch (error) {
		return failed(error instanceof Error ? error.message : String(error));
	}
}

async function audit(chrome: Chrome, url: string): Promise<LighthouseResult> {
	const result = await lighthouse(url, {
		port: chrome.port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: [...categories],
		// Pictures for the HTML report only, and slow to take: no score reads them.
		disableFullPageScreenshot: true,
		skipAudits: ['screenshot-thumbnails', 'final-screenshot'],
	});
	const lhr = result?.lhr;
	const score = (category: string) => {
		const value = lhr?.categories[category]?.score;
		return typeof value === 'number' ? Math.round(value * 100) : Number.NaN;
	};
	const numeric = (audit: string) => lhr?.audits[audit]?.numericValue ?? Number.NaN;
	const failing = categories.flatMap((category) =>
		(lhr?.categories[category]?.auditRefs ?? [])
			.filter((ref) => ref.weight > 0 && (lhr?.audits[ref.id]?.score ?? 1) < 1)
			.map(
				(ref) =>
					`${category}: ${ref.id}${lhr?.audits[ref.id]?.displayValue ? ` (${lhr.audits[ref.id]?.displayValue})` : ''}`,
			),
	);
	return {
		failing,
		scores: Object.fromEntries(categories.map((category) => [category, score(category)])) as Scores,
		lcpMs: numeric('largest-contentful-paint'),
		tbtMs: numeric('total-blocking-time'),
		cls: numeric('cumulative-layout-shift'),
		problem: lhr
			? [lhr.runtimeError?.message, ...lhr.runWarnings].filter(Boolean).join(' ')
			: 'Lighthouse returned no result',
	};
}
