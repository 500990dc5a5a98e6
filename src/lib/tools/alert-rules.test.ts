import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parser } from '@prometheus-io/lezer-promql';
import { metricRows } from '#data/metrics.ts';
import {
	defaultThresholds,
	metricQueries,
	parseThresholds,
	promNumber,
	ruleYaml,
	rulesFile,
	thresholdSortValue,
	type AlertQuery,
	type AlertScope,
	type Thresholds,
} from './alert-rules.ts';

const edited: Thresholds = {
	latencyP99Seconds: 1.5,
	errorRatioPercent: 0.5,
	poolPercent: 90,
	poolSize: 20,
	dbP99Ms: 250,
	memoryPercent: 75,
	memoryLimitMiB: 2048,
	forDuration: '10m',
};

/** Parses with the Prometheus project's own PromQL grammar; returns the text of any error node. */
function promqlErrors(expr: string): string[] {
	const errors: string[] = [];
	parser.parse(expr).iterate({
		enter: (node) => {
			if (node.type.isError)
				errors.push(`error at ${node.from}: “${expr.slice(node.from, node.to + 5)}”`);
		},
	});
	return errors;
}

describe('PromQL for every metric', () => {
	it('the grammar check itself rejects broken PromQL', () => {
		assert.notDeepEqual(promqlErrors('sum(rate(http_requests_total[5m])'), []);
		assert.notDeepEqual(promqlErrors('rate(x[5m]) >'), []);
	});

	for (const thresholds of [defaultThresholds, edited]) {
		it(`parses for ${thresholds === edited ? 'edited' : 'default'} thresholds`, () => {
			const queries = metricQueries(thresholds);
			for (const row of metricRows)
				assert.deepEqual(
					promqlErrors(queries[row.id].expr),
					[],
					`${row.id}: ${queries[row.id].expr}`,
				);
		});
	}

	it('puts the edited thresholds in the expressions', () => {
		const queries = metricQueries(edited);
		assert.match(queries.latency.expr, / > 1\.5$/);
		assert.match(queries.errors.expr, / > 0\.005$/);
		assert.match(queries.pool.expr, /\/ 20 > 0\.9$/);
		assert.match(queries.dbLatency.expr, / > 0\.25$/);
		assert.match(queries.memory.expr, /\/ 2147483648 > 0\.75$/);
	});

	it('N/A and spike rows are charts with a reason, not alerts', () => {
		const queries = metricQueries(defaultThresholds);
		for (const id of ['traffic', 'gc'] as const) {
			const query = queries[id];
			assert.equal(query.kind, 'chart');
			assert.ok(query.kind === 'chart' && query.whyNotAlert.length > 40);
		}
		const alerts = metricRows
			.filter((row) => queries[row.id].kind === 'alert')
			.map((row) => row.id);
		assert.deepEqual(alerts, ['latency', 'errors', 'pool', 'dbLatency', 'memory', 'tasks']);
	});
});

describe('promNumber', () => {
	it('writes numbers without float noise', () => {
		assert.equal(promNumber(1.1 / 100), '0.011');
		assert.equal(promNumber(0.1 + 0.2), '0.3');
		assert.equal(promNumber(536870912), '536870912');
	});
});

describe('thresholdSortValue', () => {
	it('reads the sheet’s thresholds as numbers: durations in seconds, percentages as written', () => {
		assert.deepEqual(
			metricRows.map((row) => [row.cells.threshold, thresholdSortValue(row.cells.threshold)]),
			[
				['N/A (rate it)', undefined],
				['p99 > 2s', 2],
				['> 1% of traffic', 1],
				['> 80% pool size', 80],
				['p99 > 500ms', 0.5],
				['> 80% limit', 80],
				['Sudden spikes', undefined],
				['Growing unbounded', undefined],
			],
		);
		assert.equal(thresholdSortValue('p95 >= 1.5m'), 90);
		assert.equal(thresholdSortValue('> 2h'), 7200);
	});
});

describe('parseThresholds', () => {
	const text = (t: Thresholds) =>
		Object.fromEntries(Object.entries(t).map(([key, value]) => [key, String(value)])) as Record<
			keyof Thresholds,
			string
		>;

	it('accepts the defaults and edited values', () => {
		assert.deepEqual(parseThresholds(text(defaultThresholds)).thresholds, defaultThresholds);
		assert.deepEqual(parseThresholds({ ...text(edited), forDuration: ' 10m ' }).thresholds, edited);
	});

	it('says what is wrong with each bad field', () => {
		const { thresholds, errors } = parseThresholds({
			...text(defaultThresholds),
			latencyP99Seconds: '',
			errorRatioPercent: 'abc',
			poolPercent: '150',
			poolSize: '2.5',
			dbP99Ms: '-1',
			memoryPercent: 'NaN',
			memoryLimitMiB: '1e9',
			forDuration: '5 minutes',
		});
		assert.equal(thresholds, undefined);
		assert.deepEqual(errors, {
			latencyP99Seconds: 'Enter a number, such as 2 s.',
			errorRatioPercent: '“abc” is not a number.',
			poolPercent: 'Enter 1 to 100 %.',
			poolSize: 'Enter a whole number.',
			dbP99Ms: 'Enter 1 to 3600000 ms.',
			memoryPercent: '“NaN” is not a number.',
			memoryLimitMiB: '“1e9”: write the number in plain digits, without an exponent.',
			forDuration:
				'“5 minutes” is not a Prometheus duration such as 5m, 90s or 1h30m (units largest first, each once).',
		});
		assert.equal(
			parseThresholds({ ...text(defaultThresholds), forDuration: '0m' }).errors.forDuration,
			'The duration must be longer than 0.',
		);
	});

	it('takes durations as Prometheus does: units largest first, each once, within int64 milliseconds', () => {
		const forDuration = (value: string) =>
			parseThresholds({ ...text(defaultThresholds), forDuration: value });
		for (const good of ['5m', '90s', '1h30m', '1y2w3d4h5m6s7ms', '500ms'])
			assert.equal(forDuration(good).thresholds?.forDuration, good);
		for (const bad of ['30m1h', '1h1h', '5ms5s', '1.5h'])
			assert.match(
				forDuration(bad).errors.forDuration ?? '',
				/is not a Prometheus duration .*units largest first/,
			);
		assert.equal(
			forDuration('100000000000000000000d').errors.forDuration,
			'“100000000000000000000d” is longer than Prometheus can hold (about 292 million years).',
		);
	});

	it('quotes at most 40 characters of what was typed', () => {
		const long = '9'.repeat(400);
		assert.equal(
			parseThresholds({ ...text(defaultThresholds), forDuration: `${long}x` }).errors.forDuration,
			`“${'9'.repeat(40)}…” is not a Prometheus duration such as 5m, 90s or 1h30m (units largest first, each once).`,
		);
	});

	it('asks for a value in an empty field, never quoting nothing', () => {
		const empty = Object.fromEntries(
			Object.keys(defaultThresholds).map((key) => [key, ' ']),
		) as Record<keyof Thresholds, string>;
		const { errors } = parseThresholds(empty);
		assert.equal(errors.forDuration, 'Enter a duration such as 5m, 90s or 1h30m.');
		assert.equal(errors.memoryLimitMiB, 'Enter a number, such as 512 MiB.');
		for (const message of Object.values(errors)) assert.doesNotMatch(message, /“\s*”/);
	});
});

describe('prometheus-rules.yml', () => {
	it('holds every alert in the sheet’s order with the thresholds given', () => {
		const file = rulesFile(edited, metricRows);
		assert.deepEqual(
			[...file.matchAll(/- alert: (\w+)/g)].map((match) => match[1]),
			[
				'HighRequestLatencyP99',
				'HighErrorRatio',
				'DatabasePoolNearlyExhausted',
				'SlowDatabaseQueriesP99',
				'HighMemoryUsage',
				'AsyncTasksGrowing',
			],
		);
		assert.equal([...file.matchAll(/^ {8}for: 10m$/gm)].length, 6);
		assert.match(
			file,
			/expr: 'sum\(rate\(http_requests_total\{status="5xx"\}\[5m\]\)\) \/ sum\(rate\(http_requests_total\[5m\]\)\) > 0\.005'/,
		);
	});

	it('passes promtool check rules, for default and edited thresholds', () => {
		const promtool = spawnSync('promtool', ['--version']);
		assert.ok(
			!promtool.error,
			'promtool is not installed: install Debian’s prometheus package (`apt-get install -y prometheus`, or run `bash scripts/install-test-tools.sh`).',
		);
		const dir = mkdtempSync(join(tmpdir(), 'rules-'));
		for (const [name, thresholds] of [
			['default', defaultThresholds],
			['edited', edited],
		] as const) {
			const path = join(dir, `${name}.yml`);
			writeFileSync(path, rulesFile(thresholds, metricRows));
			const output = execFileSync('promtool', ['check', 'rules', path], { encoding: 'utf8' });
			assert.match(output, /SUCCESS: 6 rules found/);
		}
	});
});

describe('alert rules scoped to one service', () => {
	const scopes: AlertScope[] = [
		{ label: 'job', value: 'orders' },
		{ label: 'service', value: 'x-1' },
	];
	/** Every series selector in `expr`, by the Prometheus project's own grammar. */
	const selectors = (expr: string) => {
		const found: string[] = [];
		parser.parse(expr).iterate({
			enter: (node) => {
				if (node.name === 'VectorSelector') found.push(expr.slice(node.from, node.to));
			},
		});
		return found;
	};

	it('off by default: the queries and the file are the sheet’s as before', () => {
		assert.deepEqual(
			Object.values(metricQueries(defaultThresholds)).map((query) => query.expr),
			[
				'sum(rate(http_requests_total[5m]))',
				'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_highr_seconds_bucket[5m]))) > 2',
				'sum(rate(http_requests_total{status="5xx"}[5m])) / sum(rate(http_requests_total[5m])) > 0.01',
				'max(db_pool_active_connections) / 15 > 0.8',
				'histogram_quantile(0.99, sum by (le) (rate(db_query_duration_seconds_bucket[5m]))) > 0.5',
				'max(process_resident_memory_bytes) / 536870912 > 0.8',
				'sum by (generation) (rate(python_gc_collections_total[5m]))',
				'min_over_time(deriv(active_async_tasks[10m])[30m:1m]) > 0',
			],
		);
		assert.deepEqual(metricQueries(edited, undefined), metricQueries(edited));
		const file = rulesFile(defaultThresholds, metricRows);
		assert.equal(rulesFile(defaultThresholds, metricRows, undefined), file);
		assert.match(
			file,
			/^groups:\n {2}- name: my-service\n {4}rules:\n {6}- alert: HighRequestLatencyP99\n/,
		);
		assert.match(
			rulesFile(defaultThresholds, metricRows, undefined, 'orders'),
			/^groups:\n {2}- name: orders\n/,
		);
		assert.doesNotMatch(file, /job|service=/);
	});

	for (const scope of scopes) {
		it(`every selector of every query takes ${scope.label}="${scope.value}", and nothing else changes`, () => {
			const matcher = `${scope.label}="${scope.value}"`;
			const plain = metricQueries(edited);
			const scoped = metricQueries(edited, scope);
			for (const row of metricRows) {
				const expr = scoped[row.id].expr;
				assert.deepEqual(promqlErrors(expr), [], expr);
				const found = selectors(expr);
				assert.ok(found.length > 0);
				for (const selector of found)
					assert.ok(selector.endsWith(`${matcher}}`), `${row.id}: ${selector}`);
				// Remove the matcher again and the sheet's query is back.
				assert.equal(
					expr.replaceAll(`,${matcher}`, '').replaceAll(`{${matcher}}`, ''),
					plain[row.id].expr,
				);
			}
			assert.equal(
				scoped.errors.expr,
				`sum(rate(http_requests_total{status="5xx",${matcher}}[5m])) / sum(rate(http_requests_total{${matcher}}[5m])) > 0.005`,
			);
		});
	}

	it('the file names its group after the service and labels each alert with it', () => {
		const file = rulesFile(defaultThresholds, metricRows, { label: 'job', value: 'orders' });
		assert.match(file, /^groups:\n {2}- name: orders\n/);
		assert.equal([...file.matchAll(/^ {10}severity: \w+\n {10}job: 'orders'$/gm)].length, 6);
		assert.equal(
			ruleYaml(metricQueries(defaultThresholds).latency as AlertQuery, 'User experience', '5m'),
			ruleYaml(
				metricQueries(defaultThresholds).latency as AlertQuery,
				'User experience',
				'5m',
				0,
				undefined,
			),
		);
	});

	it('passes promtool check rules when scoped', () => {
		const dir = mkdtempSync(join(tmpdir(), 'scoped-rules-'));
		for (const [index, scope] of scopes.entries()) {
			const path = join(dir, `${index}.yml`);
			writeFileSync(path, rulesFile(edited, metricRows, scope));
			assert.match(
				execFileSync('promtool', ['check', 'rules', path], { encoding: 'utf8' }),
				/SUCCESS: 6 rules found/,
			);
		}
	});

	it('takes only a service name that passes its rule', () => {
		for (const value of ['orders"} or vector(1) #', '<img src=x onerror=alert(1)>', '', 'Orders']) {
			assert.throws(
				() => metricQueries(defaultThresholds, { label: 'job', value }),
				/Alert scope:/,
			);
			assert.throws(
				() => rulesFile(defaultThresholds, metricRows, { label: 'service', value }),
				/Alert scope:/,
			);
		}
	});
});
