/** The smoke checks themselves: each fails on a broken template (the sheet's text with one thing broken). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { defaults } from '../filled.ts';
import type { ServedTemplate } from '../served-templates.ts';
import { runSmoke } from './smoke-workspace.ts';
import { isOlder, versionLines } from './target-versions.ts';

const sheet = (name: string) => readFileSync(new URL(`../../../src/snippets/${name}`, import.meta.url), 'utf8');
/** The sheet's text with `from` replaced, which must be there. */
function broken(name: string, from: string, to: string): { template: ServedTemplate; origin: string } {
	const text = sheet(name);
	assert.ok(text.includes(from), `${name} holds ${from}`);
	return { template: { path: `broken/${name}`, name, hardened: false, fromSheet: true, lang: 'python', kind: 'python', text: text.replace(from, to) }, origin: `${from ? 'broken' : 'intact'} ${name}` };
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
				broken('logging_config.py', 'structlog.processors.JSONRenderer()', 'structlog.dev.ConsoleRenderer(colors=False)'),
				intact('request_logging_middleware.py'),
				broken('sentry_setup.py', 'scrub_pii(event)', 'None'),
			],
		}),
		runSmoke({ label: 'broken middleware', settings: defaults, files: [intact('logging_config.py'), broken('request_logging_middleware.py', 'request_id=request_id, ', '')] }),
	]);
	const checks = reports.flatMap((report) => report.checks);
	const failed = (name: string, detail: RegExp) => {
		const check = checks.find((item) => item.name.startsWith(name));
		assert.ok(check && !check.ok, `${name} should fail: ${JSON.stringify(check)}`);
		assert.match(check.detail, detail);
	};
	assert.deepEqual(checks.filter((check) => check.ok), []);
	assert.equal(checks.length, 6);
	failed('broken gunicorn.conf.py: gunicorn reads it', /invalid literal for int\(\) with base 10: 'two'/);
	failed('broken gunicorn.conf.py: gunicorn --check-config', /two/);
	failed('broken health.py', /\/readyz with a failing database: 200/);
	failed('broken logging_config.py', /not one JSON object per line/);
	failed('broken sentry_setup.py', /before_send dropped the event/);
	failed('intact logging_config.py + broken request_logging_middleware.py', /request_started request_id/);
});

it('compares versions numerically and says which are older than the target', () => {
	assert.equal(isOlder('0.92.0', '0.115.0'), true);
	assert.equal(isOlder('20.1.0+deb12u1', '20.1.0'), false);
	assert.equal(isOlder('2.18.0', '2.0.0'), false);
	assert.deepEqual(versionLines({ fastapi: '0.92.0', gunicorn: '23.0.0', aiosqlite: '0.17.0', missing: null }, { fastapi: '0.115.0', gunicorn: '23.0.0' }), [
		'fastapi 0.92.0 (OLDER than the 0.115.0 the templates target)',
		'gunicorn 23.0.0 (target 23.0.0)',
		'aiosqlite 0.17.0',
		'missing: not installed',
	]);
});
