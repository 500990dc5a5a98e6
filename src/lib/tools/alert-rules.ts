/**
 * PromQL behind each row of the sheet's metrics table, and Prometheus alerting rules built from
 * thresholds the reader can edit. Metric names assume prometheus-fastapi-instrumentator with its
 * defaults for HTTP, prometheus_client's default collectors for process and GC metrics, and
 * gauges/histograms the service exports itself for the database pool, queries and tasks.
 */
import type { MetricId } from '#data/metrics.ts';
import { parseDecimal } from '#lib/number.ts';
import { quoted } from '#lib/quote.ts';
import { validateSetting } from '#lib/settings/rules.ts';

export interface Thresholds {
	latencyP99Seconds: number;
	errorRatioPercent: number;
	poolPercent: number;
	poolSize: number;
	dbP99Ms: number;
	memoryPercent: number;
	memoryLimitMiB: number;
	forDuration: string;
}

export type ThresholdKey = keyof Thresholds;

export interface ThresholdField {
	key: Exclude<ThresholdKey, 'forDuration'>;
	label: string;
	unit: string;
	min: number;
	max: number;
	integer?: boolean;
}

export const defaultThresholds: Thresholds = {
	latencyP99Seconds: 2,
	errorRatioPercent: 1,
	poolPercent: 80,
	poolSize: 15,
	dbP99Ms: 500,
	memoryPercent: 80,
	memoryLimitMiB: 512,
	forDuration: '5m',
};

/** Numeric fields in form order; `forDuration` is a Prometheus duration and is checked apart. */
export const thresholdFields: readonly ThresholdField[] = [
	{ key: 'latencyP99Seconds', label: 'HTTP p99 latency above', unit: 's', min: 0.001, max: 3600 },
	{
		key: 'errorRatioPercent',
		label: '5xx share of requests above',
		unit: '%',
		min: 0.001,
		max: 100,
	},
	{ key: 'poolPercent', label: 'DB pool in use above', unit: '%', min: 1, max: 100 },
	{
		key: 'poolSize',
		label: 'DB pool size',
		unit: 'connections',
		min: 1,
		max: 100000,
		integer: true,
	},
	{ key: 'dbP99Ms', label: 'DB query p99 above', unit: 'ms', min: 1, max: 3600000 },
	{ key: 'memoryPercent', label: 'Memory above', unit: '% of limit', min: 1, max: 100 },
	{
		key: 'memoryLimitMiB',
		label: 'Memory limit',
		unit: 'MiB',
		min: 1,
		max: 16 * 1024 * 1024,
		integer: true,
	},
];

/** Prometheus's duration syntax: each unit at most once, largest first (`1h30m`, not `30m1h`). */
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const DURATION_UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];
/** Prometheus holds a duration in int64 milliseconds and refuses anything longer. */
const MAX_DURATION_MS = 2 ** 63 - 1;

function durationMs(match: RegExpExecArray): number {
	return DURATION_UNIT_MS.reduce(
		(total, unit, index) => total + Number(match[index + 1] ?? 0) * unit,
		0,
	);
}

/** Validates the form's text values; a message for each field that cannot be used. */
export function parseThresholds(raw: Record<ThresholdKey, string>): {
	thresholds?: Thresholds;
	errors: Partial<Record<ThresholdKey, string>>;
} {
	const errors: Partial<Record<ThresholdKey, string>> = {};
	const thresholds: Thresholds = { ...defaultThresholds };
	for (const field of thresholdFields) {
		const parsed = parseDecimal(raw[field.key], {
			empty: `Enter a number, such as ${defaultThresholds[field.key]} ${field.unit}.`,
		});
		if ('error' in parsed) errors[field.key] = parsed.error;
		else if (parsed.value < field.min || parsed.value > field.max)
			errors[field.key] = `Enter ${field.min} to ${field.max} ${field.unit}.`;
		else if (field.integer && !Number.isInteger(parsed.value))
			errors[field.key] = 'Enter a whole number.';
		else thresholds[field.key] = parsed.value;
	}
	const duration = raw.forDuration.trim();
	if (!duration) errors.forDuration = 'Enter a duration such as 5m, 90s or 1h30m.';
	else {
		const match = DURATION.exec(duration);
		if (!match)
			errors.forDuration = `${quoted(duration)} is not a Prometheus duration such as 5m, 90s or 1h30m (units largest first, each once).`;
		else if (durationMs(match) === 0) errors.forDuration = 'The duration must be longer than 0.';
		else if (durationMs(match) > MAX_DURATION_MS)
			errors.forDuration = `${quoted(duration)} is longer than Prometheus can hold (about 292 million years).`;
		else thresholds.forDuration = duration;
	}
	return Object.keys(errors).length ? { errors } : { thresholds, errors };
}

const SECONDS_PER_UNIT: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/**
 * The number a threshold cell compares against, to sort the table by: durations in seconds
 * (`p99 > 500ms` → 0.5), percentages and counts as written (`> 80% pool size` → 80). Cells with
 * no comparison (`N/A (rate it)`, `Sudden spikes`) have none.
 */
export function thresholdSortValue(cell: string): number | undefined {
	// The number after the comparison: `p99` names the quantile, it is not the threshold.
	const match = /[<>]=?\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?(?![a-z])/i.exec(cell);
	if (!match) return undefined;
	return Number(match[1]) * (SECONDS_PER_UNIT[(match[2] ?? '').toLowerCase()] ?? 1);
}

export interface AlertQuery {
	kind: 'alert';
	alert: string;
	expr: string;
	severity: 'warning' | 'critical';
	summary: string;
}

export interface ChartQuery {
	kind: 'chart';
	expr: string;
	/** Why the row gets a chart, not an alert. */
	whyNotAlert: string;
}

/** A number as PromQL and people write it: `0.01`, not `0.010000000000000002`. */
export function promNumber(value: number): string {
	return String(Number(value.toPrecision(12)));
}

/**
 * Rules for one service only: every series selector gets `{job="orders"}` (Prometheus's scrape
 * job) or `{service="orders"}` (the label Kubernetes service discovery is usually relabelled to),
 * so one Prometheus can hold the rules of several services. None, the default: the sheet's
 * queries over every series, as before.
 */
export interface AlertScope {
	label: 'job' | 'service';
	/** The service's name; it must pass the service name's rule (a Kubernetes DNS label). */
	value: string;
}

/** The scope's service name, checked against the service name's rule. */
function scopeValue(scope: AlertScope): string {
	const checked = validateSetting('service', scope.value);
	if ('error' in checked) throw new Error(`Alert scope: ${checked.error}`);
	return checked.value;
}

/** A PromQL string literal: double quotes, with `\` and `"` escaped. */
function promString(text: string): string {
	return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** The selector for `metric`, with its own matchers and the scope's, if any: `http_requests_total{status="5xx",job="orders"}`. */
function selectorFor(scope: AlertScope | undefined): (metric: string, matchers?: string) => string {
	const scoped = scope ? `${scope.label}=${promString(scopeValue(scope))}` : undefined;
	return (metric, matchers) => {
		const all = [matchers, scoped].filter((matcher) => matcher !== undefined);
		return all.length ? `${metric}{${all.join(',')}}` : metric;
	};
}

export function metricQueries(
	t: Thresholds,
	scope?: AlertScope,
): Record<MetricId, AlertQuery | ChartQuery> {
	const ratio = (percent: number) => promNumber(percent / 100);
	const s = selectorFor(scope);
	return {
		traffic: {
			kind: 'chart',
			expr: `sum(rate(${s('http_requests_total')}[5m]))`,
			whyNotAlert:
				'Traffic has no fixed bad value: it follows the time of day. Chart it as the baseline the other alerts are read against.',
		},
		latency: {
			kind: 'alert',
			alert: 'HighRequestLatencyP99',
			expr: `histogram_quantile(0.99, sum by (le) (rate(${s('http_request_duration_highr_seconds_bucket')}[5m]))) > ${promNumber(t.latencyP99Seconds)}`,
			severity: 'warning',
			summary: `p99 request latency is above ${promNumber(t.latencyP99Seconds)}s`,
		},
		errors: {
			kind: 'alert',
			alert: 'HighErrorRatio',
			expr: `sum(rate(${s('http_requests_total', 'status="5xx"')}[5m])) / sum(rate(${s('http_requests_total')}[5m])) > ${ratio(t.errorRatioPercent)}`,
			severity: 'critical',
			summary: `More than ${promNumber(t.errorRatioPercent)}% of requests fail with a 5xx status`,
		},
		pool: {
			kind: 'alert',
			alert: 'DatabasePoolNearlyExhausted',
			expr: `max(${s('db_pool_active_connections')}) / ${promNumber(t.poolSize)} > ${ratio(t.poolPercent)}`,
			severity: 'warning',
			summary: `More than ${promNumber(t.poolPercent)}% of the ${promNumber(t.poolSize)} pool connections are in use`,
		},
		dbLatency: {
			kind: 'alert',
			alert: 'SlowDatabaseQueriesP99',
			expr: `histogram_quantile(0.99, sum by (le) (rate(${s('db_query_duration_seconds_bucket')}[5m]))) > ${promNumber(t.dbP99Ms / 1000)}`,
			severity: 'warning',
			summary: `p99 database query time is above ${promNumber(t.dbP99Ms)}ms`,
		},
		memory: {
			kind: 'alert',
			alert: 'HighMemoryUsage',
			expr: `max(${s('process_resident_memory_bytes')}) / ${promNumber(t.memoryLimitMiB * 1024 * 1024)} > ${ratio(t.memoryPercent)}`,
			severity: 'warning',
			summary: `A process uses more than ${promNumber(t.memoryPercent)}% of the ${promNumber(t.memoryLimitMiB)} MiB limit`,
		},
		gc: {
			kind: 'chart',
			expr: `sum by (generation) (rate(${s('python_gc_collections_total')}[5m]))`,
			whyNotAlert:
				'A spike has no fixed threshold: what is normal depends on how each service allocates. Chart it beside latency and memory, which the alerts above already watch.',
		},
		tasks: {
			kind: 'alert',
			alert: 'AsyncTasksGrowing',
			expr: `min_over_time(deriv(${s('active_async_tasks')}[10m])[30m:1m]) > 0`,
			severity: 'warning',
			summary: 'The number of running async tasks has grown without pause for 30 minutes',
		},
	};
}

/** YAML single-quoted scalar: safe for PromQL's quotes, braces, `>` and `#`. */
function quote(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}

/**
 * One rule as a YAML list item, indented by `indent` spaces. Scoped, the alert carries the
 * service's label too, since the sums and maxima in the expressions drop it.
 */
export function ruleYaml(
	query: AlertQuery,
	why: string,
	forDuration: string,
	indent = 0,
	scope?: AlertScope,
): string {
	const pad = ' '.repeat(indent);
	return [
		`- alert: ${query.alert}`,
		`  expr: ${quote(query.expr)}`,
		`  for: ${forDuration}`,
		'  labels:',
		`    severity: ${query.severity}`,
		...(scope ? [`    ${scope.label}: ${quote(scopeValue(scope))}`] : []),
		'  annotations:',
		`    summary: ${quote(query.summary)}`,
		`    description: ${quote(`${why}. Current value: {{ $value }}.`)}`,
	]
		.map((line) => pad + line)
		.join('\n');
}

/**
 * The whole `prometheus-rules.yml`: one group with every alert, in the sheet's order, named after
 * the reader's service (the scope's value when scoped), so each service's file has a group of its own.
 */
export function rulesFile(
	t: Thresholds,
	rows: ReadonlyArray<{ id: MetricId; cells: { why: string } }>,
	scope?: AlertScope,
	service = 'my-service',
): string {
	const queries = metricQueries(t, scope);
	const rules = rows.flatMap((row) => {
		const query = queries[row.id];
		return query.kind === 'alert' ? [ruleYaml(query, row.cells.why, t.forDuration, 6, scope)] : [];
	});
	return (
		['groups:', `  - name: ${scope ? scopeValue(scope) : service}`, '    rules:', ...rules].join(
			'\n',
		) + '\n'
	);
}
