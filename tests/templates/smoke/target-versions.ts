/**
 * The library versions the templates are written for (src/data/verified-with.ts, the one list of
 * them), to say where Debian unstable's, which the smoke runs use, is older.
 */
import { verifiedPackages } from '#data/verified-with.ts';

const normalize = (name: string) => name.toLowerCase().replaceAll('_', '-');

export function targetVersions(): { source: string; targets: Record<string, string> } {
	const targets = Object.fromEntries(Object.values(verifiedPackages).map(({ name, version }) => [normalize(name), version]));
	return { source: 'src/data/verified-with.ts', targets };
}

/** Numeric comparison of dotted versions, ignoring anything after the numbers (`+deb12u1`, `rc1`). */
export function isOlder(version: string, target: string): boolean {
	const numbers = (text: string) => (/^[\d.]+/.exec(text.replace(/^[^\d]*/, ''))?.[0] ?? '0').split('.').filter(Boolean).map(Number);
	const [a, b] = [numbers(version), numbers(target)];
	for (let index = 0; index < Math.max(a.length, b.length); index++) {
		const difference = (a[index] ?? 0) - (b[index] ?? 0);
		if (difference !== 0) return difference < 0;
	}
	return false;
}

/** `structlog 22.3.0 (older than the 24.1.0 the templates target)` for each package with a target. */
export function versionLines(versions: Readonly<Record<string, string | null>>, targets: Readonly<Record<string, string>>): string[] {
	return Object.entries(versions).map(([name, version]) => {
		const target = targets[normalize(name)];
		if (version === null) return `${name}: not installed`;
		if (!target) return `${name} ${version}`;
		return isOlder(version, target) ? `${name} ${version} (OLDER than the ${target} the templates target)` : `${name} ${version} (target ${target})`;
	});
}
