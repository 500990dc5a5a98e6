/**
 * Smoke runs of the Python templates with Debian unstable's Python and packages, inside the root
 * scripts/debian-unstable.sh builds (once per package list, then cached in .cache/). One process
 * per template set and settings set, all at once; see smoke/smoke.py for what each check does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSmoke, smokeSets, unstableRoot } from './smoke/smoke-workspace.ts';
import { targetVersions, versionLines } from './smoke/target-versions.ts';

const rootStarted = performance.now();
const root = await unstableRoot();
const rootSeconds = ((performance.now() - rootStarted) / 1000).toFixed(1);
const started = performance.now();
const sets = smokeSets();
const [reports, targets] = await Promise.all([Promise.all(sets.map(runSmoke)), targetVersions()]);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

describe(`smoke runs in Debian unstable (${sets.length} runs at once in ${seconds} s)`, () => {
	it(`runs in the Debian unstable root (${root.log ? 'built' : 'cached'}: ${rootSeconds} s)`, (t) => {
		t.diagnostic(root.path);
		for (const line of root.log.split('\n').filter(Boolean)) t.diagnostic(line);
		assert.ok(root.path);
	});

	it(`runs with these versions (targets: ${targets.source})`, (t) => {
		const versions = reports[0]?.versions ?? {};
		for (const line of versionLines(versions, targets.targets)) t.diagnostic(line);
		assert.ok(versions['fastapi'] && versions['structlog'] && versions['sentry-sdk'] && versions['gunicorn'] && versions['SQLAlchemy'], 'packages missing from the root: see scripts/debian-unstable.sh');
	});

	sets.forEach((set, index) => {
		const report = reports[index];
		describe(`${set.label}, ${set.settings.label}`, () => {
			it('ran every check its templates call for', (t) => {
				for (const note of report?.notes ?? []) t.diagnostic(note);
				for (const probe of report?.probes ?? []) t.diagnostic(`probe: ${probe.name}: ${probe.ok ? 'yes' : `NO: ${probe.detail.split('\n')[0]}`}`);
				const expected = ['gunicorn.conf.py', 'health.py', 'logging_config.py', 'sentry_setup.py'].filter((name) => set.files.some((file) => file.template.name === name));
				for (const name of expected) assert.ok(report?.checks.some((check) => check.name.includes(name)), `no smoke check for ${name}`);
			});
			for (const check of report?.checks ?? []) {
				it(`${check.name} (${check.seconds} s)`, () => assert.ok(check.ok, check.detail));
			}
		});
	});
});
