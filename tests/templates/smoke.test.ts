/**
 * Smoke runs of the Python templates with Debian unstable's Python and packages, inside the root
 * scripts/debian-unstable.sh builds (once per package list, then cached in .cache/). One process
 * per template set and settings set, all at once; see smoke/smoke.py for what each check does.
 * The versions the runs had are what the pages say the templates were verified with: this test
 * keeps src/data/verified-versions.json equal to them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSmoke, smokeSets, unstableRoot } from './smoke/smoke-workspace.ts';
import {
	claimProblems,
	committed,
	exercisedTemplates,
	verifiedVersions,
	versionsFileName,
	writeVersions,
} from './smoke/verified-versions.ts';

const rootStarted = performance.now();
const root = await unstableRoot();
const rootSeconds = ((performance.now() - rootStarted) / 1000).toFixed(1);
const started = performance.now();
const sets = smokeSets();
const reports = await Promise.all(sets.map(runSmoke));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const record = reports[0] && {
	...verifiedVersions(reports[0]),
	exercised: exercisedTemplates(sets, reports),
};

describe(`smoke runs in Debian unstable (${sets.length} runs at once in ${seconds} s)`, () => {
	it(`runs in the Debian unstable root (${root.log ? 'built' : 'cached'}: ${rootSeconds} s)`, (t) => {
		t.diagnostic(root.path);
		for (const line of root.log.split('\n').filter(Boolean)) t.diagnostic(line);
		assert.ok(root.path);
	});

	it('runs with these versions, the same in every run', (t) => {
		assert.ok(record, 'no report');
		t.diagnostic(
			`Python ${record.python} on ${record.ranOn.distribution} (${record.ranOn.debianVersion}, archive of ${record.ranOn.archiveDate ?? 'unknown date'})`,
		);
		for (const [name, version] of Object.entries(record.packages))
			t.diagnostic(
				`${name} ${version ?? 'not installed'}${record.notRun[name] ? ` (NOT RUN: ${record.notRun[name].probe}: ${record.notRun[name].error})` : ''}`,
			);
		for (const [index, report] of reports.entries())
			assert.deepEqual(
				verifiedVersions(report),
				reports[0] && verifiedVersions(reports[0]),
				`${sets[index]?.label}, ${sets[index]?.settings.label}`,
			);
		assert.ok(
			record.packages['fastapi'] &&
				record.packages['structlog'] &&
				record.packages['sentry-sdk'] &&
				record.packages['gunicorn'] &&
				record.packages['SQLAlchemy'],
			'packages missing from the root: see scripts/debian-unstable.sh',
		);
	});

	// A stale file would have the pages name versions nobody ran. The run rewrites it, so the
	// difference shows in git: review it and commit it; the next run passes.
	it(`${versionsFileName} is what this run had`, () => {
		assert.ok(record, 'no report');
		try {
			assert.deepEqual(committed, record);
		} catch (error) {
			writeVersions(record);
			throw new Error(
				`${versionsFileName} was not what this run had: rewritten from the run, review the difference (git diff) and commit it. + is the file, - the run:\n${(error as Error).message}`,
				{ cause: error },
			);
		}
	});

	it('src/data/verified-with.ts claims only versions this run had', () => {
		assert.ok(record, 'no report');
		assert.deepEqual(claimProblems(record), []);
	});

	sets.forEach((set, index) => {
		const report = reports[index];
		describe(`${set.label}, ${set.settings.label}`, () => {
			it('ran every check its templates call for', (t) => {
				for (const note of report?.notes ?? []) t.diagnostic(note);
				for (const probe of report?.probes ?? [])
					t.diagnostic(
						`probe: ${probe.name}: ${probe.ok ? 'yes' : `NO: ${probe.detail.split('\n')[0]}`}`,
					);
				const expected = [
					'gunicorn.conf.py',
					'health.py',
					'logging_config.py',
					'sentry_setup.py',
				].filter((name) => set.files.some((file) => file.template.name === name));
				for (const name of expected)
					assert.ok(
						report?.checks.some((check) => check.name.includes(name)),
						`no smoke check for ${name}`,
					);
			});
			for (const check of report?.checks ?? []) {
				it(`${check.name} (${check.seconds} s)`, () => assert.ok(check.ok, check.detail));
			}
		});
	});
});
