/**
 * The benchmark's arithmetic and text, kept free of browsers and files so it can be tested:
 * medians, ratios to stock, budget verdicts and Markdown tables.
 */

export function median(values: readonly number[]): number {
	const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[middle] ?? Number.NaN)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** ours / stock; NaN when either is missing or stock is zero. */
export function ratio(ours: number, stock: number): number {
	return Number.isFinite(ours) && Number.isFinite(stock) && stock > 0 ? ours / stock : Number.NaN;
}

/** Pages whose tools (tables, calculators, the whole sheet) may weigh more than stock's prose. */
export const widgetPages: readonly string[] = ['/metrics/', '/base-images/', '/workers/', '/all/'];

export const budgets = {
	lighthouse: 100,
	bytesPlain: 1.05,
	bytesWidget: 1.25,
	buildTime: 1.5,
	/** Our search's medians, absolute (issue 9): last keystroke to first result, ms, under. */
	searchWarmMs: 150,
	searchColdMs: 250,
} as const;

/**
 * Lighthouse runs of a page of ours whose first run scored under 100 in performance. A busy
 * machine makes a run slower, hardly ever faster, so a first 100 stands and a lower first score
 * is run again: the median run of three, by performance score, counts.
 */
export const lighthouseRuns = 3;

export function needsMoreRuns(first: Scores): boolean {
	return !(first.performance >= budgets.lighthouse);
}

/**
 * The median run by performance score (a failed run, NaN, lowest); of an even number of runs the
 * lower middle one, so that a tie is not broken in the page's favour.
 */
export function medianRun<T extends { scores: Scores }>(runs: readonly T[]): T | undefined {
	const rank = (run: T) => (Number.isFinite(run.scores.performance) ? run.scores.performance : -1);
	const sorted = [...runs].sort((a, b) => rank(a) - rank(b));
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Performance scores of all runs, in order: "99, 100, 100". */
export function fmtRuns(runs: readonly { scores: Scores }[]): string {
	return runs.map((run) => fmtScore(run.scores.performance)).join(', ');
}

export interface Verdict {
	budget: string;
	/** What was measured, as printed. */
	measured: string;
	limit: string;
	pass: boolean;
}

export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';
export const categories: readonly Category[] = [
	'performance',
	'accessibility',
	'best-practices',
	'seo',
];

/** Scores 0-100 by category; a missing score (Lighthouse failed) is NaN. */
export type Scores = Record<Category, number>;

/** `runs`: how many runs the scores are the median run of. */
export function lighthouseVerdict(path: string, scores: Scores, runs = 1): Verdict {
	const short = categories.map((category) => fmtScore(scores[category])).join(' / ');
	const pass = categories.every((category) => scores[category] >= budgets.lighthouse);
	return {
		budget: `Lighthouse ${path}`,
		measured: runs > 1 ? `${short} (median of ${runs} runs)` : short,
		limit: 'all 100',
		pass,
	};
}

/**
 * Our search's median time over the queries, cold or warm, against issue 9's absolute limit,
 * stock's median beside it. A query that showed no result counts as slower than any.
 */
export function searchVerdict(
	kind: 'cold' | 'warm',
	oursMs: readonly number[],
	stockMedianMs: number,
): Verdict {
	const limit = kind === 'cold' ? budgets.searchColdMs : budgets.searchWarmMs;
	const sorted = oursMs
		.map((ms) => (Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY))
		.sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const measured =
		sorted.length === 0
			? Number.NaN
			: sorted.length % 2
				? (sorted[middle] ?? Number.NaN)
				: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
	const missing = oursMs.filter((ms) => !Number.isFinite(ms)).length;
	const note = missing ? `, ${missing} of ${oursMs.length} without a result` : '';
	return {
		budget: `Search ${kind}, median`,
		measured: `${fmtMs(measured)}${note} (stock ${fmtMs(stockMedianMs)})`,
		limit: `< ${limit} ms`,
		pass: measured < limit,
	};
}

export function bytesVerdict(path: string, ours: number, stock: number): Verdict {
	const limit = widgetPages.includes(path) ? budgets.bytesWidget : budgets.bytesPlain;
	const measuredRatio = ratio(ours, stock);
	return {
		budget: `First-visit bytes ${path}`,
		measured: `${fmtBytes(ours)} = ${fmtRatio(measuredRatio, 3)} stock`,
		limit: `≤ ${limit.toFixed(2)}×`,
		pass: measuredRatio <= limit,
	};
}

export function buildVerdict(oursMs: number, stockMs: number): Verdict {
	const measuredRatio = ratio(oursMs, stockMs);
	return {
		budget: 'Build time',
		measured: `${fmtMs(oursMs)} = ${fmtRatio(measuredRatio, 3)} stock`,
		limit: `≤ ${budgets.buildTime.toFixed(2)}×`,
		pass: measuredRatio <= budgets.buildTime,
	};
}

/** One line that says which budgets fail (or that none does). */
export function summaryLine(verdicts: readonly Verdict[]): string {
	const failed = verdicts.filter((verdict) => !verdict.pass);
	if (failed.length === 0) return `BUDGETS: all ${verdicts.length} pass.`;
	const list = failed
		.map((verdict) => `${verdict.budget} (${verdict.measured}; limit ${verdict.limit})`)
		.join('; ');
	return `BUDGETS: ${failed.length} of ${verdicts.length} FAIL: ${list}.`;
}

export function fmtBytes(bytes: number): string {
	if (!Number.isFinite(bytes)) return 'n/a';
	return bytes < 1024 ? `${Math.round(bytes)} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

export function fmtMs(ms: number): string {
	if (!Number.isFinite(ms)) return 'n/a';
	return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function fmtRatio(value: number, digits = 2): string {
	return Number.isFinite(value) ? `${value.toFixed(digits)}×` : 'n/a';
}

export function fmtScore(score: number): string {
	return Number.isFinite(score) ? String(Math.round(score)) : 'n/a';
}

/** A Markdown table; columns whose header starts with a space are right-aligned (numbers). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const right = header.map((cell) => cell.startsWith(' '));
	const cells = [header.map((cell) => cell.trim()), ...rows].map((row) =>
		row.map((cell) => cell.replaceAll('|', '\\|')),
	);
	const widths = header.map((_, column) =>
		Math.max(3, ...cells.map((row) => (row[column] ?? '').length)),
	);
	const line = (row: readonly string[]) =>
		`| ${widths.map((width, column) => (right[column] ? (row[column] ?? '').padStart(width) : (row[column] ?? '').padEnd(width))).join(' | ')} |`;
	const rule = `| ${widths.map((width, column) => (right[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
	const [head = [], ...body] = cells;
	return [line(head), rule, ...body.map(line)].join('\n');
}

/** The markers in docs/benchmark.md between which the benchmark writes its last run. */
export const lastRunMarkers = {
	start: '<!-- bench:last-run:start -->',
	end: '<!-- bench:last-run:end -->',
} as const;

/**
 * docs/benchmark.md with `report` as its last run: the text between the markers replaced, all
 * around them kept as written. A file without the markers gets them at its end, and no file one
 * with a title, so that a long run never ends without its report written.
 */
export function withLastRun(doc: string | undefined, report: string): string {
	const { start, end } = lastRunMarkers;
	const block = `${start}\n${report.trim()}\n${end}`;
	const text = doc ?? '# Benchmark\n';
	const from = text.indexOf(start);
	const to = text.indexOf(end, from);
	if (from === -1 || to === -1) return `${text.trimEnd()}\n\n${block}\n`;
	return text.slice(0, from) + block + text.slice(to + end.length);
}
