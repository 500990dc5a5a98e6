/**
 * The library versions the templates are written for, to say where Debian's (which the smoke runs
 * use) is older. Read from src/data/verified-with.ts when that file exists: any exported object
 * mapping a package name to a version, or to an object with a `version`. Until then, the
 * placeholder below.
 */
import { existsSync } from 'node:fs';

/** TODO-merge: placeholder targets until src/data/verified-with.ts lands; replace with what that file says. */
const placeholderTargets: Readonly<Record<string, string>> = {
	fastapi: '0.115.0',
	starlette: '0.40.0',
	uvicorn: '0.30.0',
	gunicorn: '23.0.0',
	structlog: '24.1.0',
	'sentry-sdk': '2.0.0',
	sqlalchemy: '2.0.0',
	httpx: '0.27.0',
};

const normalize = (name: string) => name.toLowerCase().replaceAll('_', '-');

export async function targetVersions(): Promise<{ source: string; targets: Record<string, string> }> {
	const url = new URL('../../../src/data/verified-with.ts', import.meta.url);
	if (!existsSync(url)) return { source: 'placeholder targets in tests/templates/smoke/target-versions.ts (TODO-merge)', targets: { ...placeholderTargets } };
	const targets: Record<string, string> = {};
	for (const exported of Object.values((await import(url.href)) as Record<string, unknown>)) {
		if (typeof exported !== 'object' || exported === null) continue;
		for (const [name, value] of Object.entries(exported)) {
			const version = typeof value === 'string' ? value : typeof value === 'object' && value !== null && 'version' in value ? String(value.version) : undefined;
			if (version && /\d/.test(version)) targets[normalize(name)] = version;
		}
	}
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
		return isOlder(version, target) ? `${name} ${version} (Debian 12's; OLDER than the ${target} the templates target)` : `${name} ${version} (target ${target})`;
	});
}
