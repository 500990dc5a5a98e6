/**
 * What a smoke run had, as src/data/verified-versions.json records it for the pages' "Verified
 * with" line (src/data/verified-with.ts reads it), and the checks that keep the two true to the run.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verified, verifiedPackages, type VerifiedVersions } from '#data/verified-with.ts';
import type { SmokeReport, SmokeSet } from './smoke-workspace.ts';

export const versionsFile = fileURLToPath(import.meta.resolve('#data/verified-versions.json'));
export const versionsFileName = 'src/data/verified-versions.json';

/** What one run had: where it ran, Python, every package it asked about, and what it had but could not use. */
export function verifiedVersions(report: SmokeReport): Omit<VerifiedVersions, 'exercised'> {
	const { python, ...packages } = report.versions;
	if (!python) throw new Error('the run printed no Python version');
	const notRun = Object.fromEntries(
		report.probes
			.filter((probe) => !probe.ok)
			.map((probe) => [
				probe.package,
				{ probe: probe.name, error: probe.detail.split('\n')[0] ?? '' },
			]),
	);
	return { ranOn: { distribution: 'Debian unstable', ...report.system }, python, packages, notRun };
}

/**
 * The templates a passing check ran, by their path under src/snippets/ (`hardened/health.py`), over
 * all the runs: a template listed nowhere was only parsed, and the page says it was not run.
 */
export function exercisedTemplates(
	sets: readonly SmokeSet[],
	reports: readonly SmokeReport[],
): string[] {
	const ran = new Set<string>();
	sets.forEach((set, index) => {
		const passed = (reports[index]?.checks ?? []).filter((check) => check.ok);
		for (const { template, origin } of set.files)
			if (passed.some((check) => check.name.includes(origin))) ran.add(template.path);
	});
	return [...ran].sort();
}

/** The file's text as the test writes it (the formatter may lay it out otherwise: only its content is compared). */
export function versionsText(record: VerifiedVersions): string {
	return JSON.stringify(record, null, '\t') + '\n';
}

export function writeVersions(record: VerifiedVersions): void {
	writeFileSync(versionsFile, versionsText(record));
}

/** Where verified-with.ts's packages and the run disagree: a version claimed that the run did not have, or a package marked not run that it ran. */
export function claimProblems(
	record: Omit<VerifiedVersions, 'exercised'>,
	packages: Readonly<
		Record<string, { name: string; distribution: string; notRun?: true }>
	> = verifiedPackages,
): string[] {
	return Object.values(packages).flatMap(({ name, distribution, notRun }) => {
		const version = record.packages[distribution];
		const usable = Boolean(version) && !(distribution in record.notRun);
		if (!notRun && !usable)
			return [
				`${name}: verified-with.ts claims a version, but the run ${version ? `could not use ${distribution} (${record.notRun[distribution]?.error})` : `had no ${distribution}`}: mark it notRun`,
			];
		if (notRun && usable)
			return [`${name}: marked notRun, but the run had ${distribution} ${version}: drop notRun`];
		return [];
	});
}

/** The committed record, as verified-with.ts imported it. */
export const committed: VerifiedVersions = verified;
