/** The smoke checks themselves: each fails on a broken template (the sheet's text with one thing broken). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { defaults } from '../filled.ts';
import type { ServedTemplate } from '../served-templates.ts';
import { runSmoke, type SmokeReport } from './smoke-workspace.ts';
import { claimProblems, verifiedVersions } from './verified-versions.ts';

const snippet = (path: string) =>
	readFileSync(new URL(`../../../src/snippets/${path}`, import.meta.url), 'utf8');
/** The sheet's text (or, with `folder`, a hardened file's) with `from` replaced, which must be there. */
function broken(
	name: string,
	from: string,
	to: string,
	folder: '' | 'hardened/' = '',
): { template: ServedTemplate; origin: string } {
	const text = snippet(folder + name);
	assert.ok(text.includes(from), `${name} holds ${from}`);
	return {
		template: {
			path: `broken/${folder}${name}`,
			name,
			hardened: folder === 'hardened/',
			fromSheet: folder === '',
			lang: 'python',
			kind: 'python',
			text: text.replace(from, to),
		},
		origin: `${from ? 'broken' : 'intact'} ${folder}${name}`,
	};
}

it('every smoke check fails on a broken template', async () => {
	const intact = (name: string) => broken(name, '', '');
	const reports = await Promise.all([
		runSmoke({
			label: 'broken',
			settings: defaults,
			files: [
				broken('gunicorn.conf.py', 'multiprocessing.cpu_count() + 1', '"two"'),
				broken('health.py', 'status.HTTP_503_SERVICE_UNAVAILABLE', 'status.HTTP_200_OK'),
				broken(
					'logging_config.py',
					'structlog.processors.JSONRenderer()',
					'structlog.dev.ConsoleRenderer(colors=False)',
				),
				intact('request_logging_middleware.py'),
				broken('sentry_setup.py', 'scrub_pii(event)', 'None'),
			],
		}),
		runSmoke({
			label: 'broken middleware',
			settings: defaults,
			files: [
				intact('logging_config.py'),
				broken('request_logging_middleware.py', 'request_id=request_id, ', ''),
			],
		}),
		runSmoke({
			label: 'hardened logging that shows local variables',
			settings: defaults,
			files: [
				broken('logging_config.py', 'show_locals=False', 'show_locals=True', 'hardened/'),
				intact('request_logging_middleware.py'),
			],
		}),
		runSmoke({
			label: 'hardened logging without tracebacks',
			settings: defaults,
			files: [
				broken(
					'logging_config.py',
					'if json_logs else []',
					'if not json_logs else []',
					'hardened/',
				),
				intact('request_logging_middleware.py'),
			],
		}),
	]);
	const checks = reports.flatMap((report) => report.checks);
	const failed = (name: string, detail: RegExp) => {
		const check = checks.find((item) => item.name.startsWith(name));
		assert.ok(check && !check.ok, `${name} should fail: ${JSON.stringify(check)}`);
		assert.match(check.detail, detail);
	};
	assert.deepEqual(
		checks.filter((check) => check.ok),
		[],
	);
	assert.equal(checks.length, 8);
	failed(
		'broken gunicorn.conf.py: gunicorn reads it',
		/invalid literal for int\(\) with base 10: 'two'/,
	);
	failed('broken gunicorn.conf.py: gunicorn --check-config', /two/);
	failed('broken health.py', /\/readyz with a failing database: 200/);
	failed('broken logging_config.py', /not one JSON object per line/);
	failed('broken sentry_setup.py', /before_send dropped the event/);
	failed(
		'intact logging_config.py + broken request_logging_middleware.py',
		/request_started request_id/,
	);
	const [showsLocals, noTraceback] = [reports[2]?.checks, reports[3]?.checks];
	assert.match(showsLocals?.[0]?.detail ?? '', /shows a local variable's value: .*hunter2/);
	assert.match(noTraceback?.[0]?.detail ?? '', /the exception's line has no traceback/);
});

it('records what a run had, and finds the claims it did not back', () => {
	const report: SmokeReport = {
		versions: {
			python: '3.14.1',
			fastapi: '0.160.0',
			'uvicorn-worker': null,
			'opentelemetry-exporter-otlp-proto-grpc': '1.45.0',
		},
		system: { debianVersion: 'forky/sid', archiveDate: '2026-10-30' },
		checks: [],
		probes: [
			{
				name: 'gRPC constructs',
				ok: false,
				detail: 'TypeError: no\nTraceback …',
				seconds: 0,
				package: 'opentelemetry-exporter-otlp-proto-grpc',
			},
			{
				name: 'HTTP constructs',
				ok: true,
				detail: '',
				seconds: 0,
				package: 'opentelemetry-exporter-otlp-proto-http',
			},
		],
		notes: [],
	};
	const record = verifiedVersions(report);
	assert.deepEqual(record, {
		ranOn: {
			distribution: 'Debian unstable',
			debianVersion: 'forky/sid',
			archiveDate: '2026-10-30',
		},
		python: '3.14.1',
		packages: {
			fastapi: '0.160.0',
			'uvicorn-worker': null,
			'opentelemetry-exporter-otlp-proto-grpc': '1.45.0',
		},
		notRun: {
			'opentelemetry-exporter-otlp-proto-grpc': {
				probe: 'gRPC constructs',
				error: 'TypeError: no',
			},
		},
	});
	assert.deepEqual(
		claimProblems(record, {
			fastapi: { name: 'FastAPI', distribution: 'fastapi' },
			worker: { name: 'uvicorn-worker', distribution: 'uvicorn-worker', notRun: true },
			grpc: {
				name: 'gRPC exporter',
				distribution: 'opentelemetry-exporter-otlp-proto-grpc',
				notRun: true,
			},
		}),
		[],
	);
	assert.deepEqual(
		claimProblems(record, {
			worker: { name: 'uvicorn-worker', distribution: 'uvicorn-worker' },
			grpc: { name: 'gRPC exporter', distribution: 'opentelemetry-exporter-otlp-proto-grpc' },
			fastapi: { name: 'FastAPI', distribution: 'fastapi', notRun: true },
		}),
		[
			'uvicorn-worker: verified-with.ts claims a version, but the run had no uvicorn-worker: mark it notRun',
			'gRPC exporter: verified-with.ts claims a version, but the run could not use opentelemetry-exporter-otlp-proto-grpc (TypeError: no): mark it notRun',
			'FastAPI: marked notRun, but the run had fastapi 0.160.0: drop notRun',
		],
	);
});
