/**
 * The versions the hardened and added templates were verified with: the ones the template smoke
 * runs had (npm run test:templates, in a Debian unstable root), as that test writes them to
 * verified-versions.json. The test fails when the file and its run disagree, and when a package
 * here claims a version the run did not have. Nobody types a version here: a package the runs do
 * not have, or cannot use, is `notRun`, and the page says "not run here" beside it.
 * Each template lists the packages it uses (`uses`), in this order.
 */
import verifiedVersions from './verified-versions.json' with { type: 'json' };

/** What verified-versions.json holds: what one smoke run printed. */
export interface VerifiedVersions {
	ranOn: { distribution: string; debianVersion: string; archiveDate?: string };
	python: string;
	/** By distribution name as importlib.metadata knows it, and `prometheus` (promtool's); null where the run did not have it. */
	packages: Record<string, string | null>;
	/** Packages the run had but could not use, with the probe that says so (its error's first line). */
	notRun: Record<string, { probe: string; error: string }>;
	/** The templates a passing smoke check ran, by path under `src/snippets/`; the rest were parsed only. */
	exercised: string[];
}

export interface VerifiedPackage {
	/** As the page names it. */
	name: string;
	/** The key in verified-versions.json's `packages`: the distribution's name. */
	distribution: string;
	/** The smoke runs do not have it (uv, uvicorn-worker) or cannot use it: no version is claimed. */
	notRun?: true;
	/** For a package not run that a template pins all the same: the release pinned, and where it was confirmed. */
	pinned?: { version: string; source: string };
}

export const verified: VerifiedVersions = verifiedVersions;

export const verifiedPackages = {
	// Not a Debian package: the Dockerfile's image tag, checked against the release page.
	uv: {
		name: 'uv',
		distribution: 'uv',
		notRun: true,
		pinned: { version: '0.12.1', source: 'https://github.com/astral-sh/uv/releases/tag/0.12.1' },
	},
	gunicorn: { name: 'gunicorn', distribution: 'gunicorn' },
	// Not packaged by Debian: the runs load the hardened worker class from a stand-in module.
	uvicornWorker: { name: 'uvicorn-worker', distribution: 'uvicorn-worker', notRun: true },
	uvicorn: { name: 'uvicorn', distribution: 'uvicorn' },
	structlog: { name: 'structlog', distribution: 'structlog' },
	opentelemetrySdk: { name: 'opentelemetry-sdk', distribution: 'opentelemetry-sdk' },
	// Installed, but Debian's grpcio is older than its generated code: constructing it fails.
	otlpGrpcExporter: {
		name: 'OTLP gRPC exporter',
		distribution: 'opentelemetry-exporter-otlp-proto-grpc',
		notRun: true,
	},
	// Not packaged by Debian.
	otelSqlalchemy: {
		name: 'opentelemetry-instrumentation-sqlalchemy',
		distribution: 'opentelemetry-instrumentation-sqlalchemy',
		notRun: true,
	},
	sentrySdk: { name: 'sentry-sdk', distribution: 'sentry-sdk' },
	fastapi: { name: 'FastAPI', distribution: 'fastapi' },
} as const satisfies Record<string, VerifiedPackage>;

export type VerifiedKey = keyof typeof verifiedPackages;

/** Which packages each hardened and added template targets, by its file under `src/snippets/`. */
export const verifiedWith: Readonly<Record<string, readonly VerifiedKey[]>> = {
	'hardened/Dockerfile': ['uv', 'gunicorn'],
	'hardened/gunicorn.conf.py': ['gunicorn', 'uvicornWorker', 'uvicorn'],
	'hardened/logging_config.py': ['structlog', 'uvicorn'],
	'hardened/request_logging_middleware.py': ['structlog', 'fastapi'],
	'hardened/otel_setup.py': ['opentelemetrySdk', 'fastapi', 'otlpGrpcExporter', 'otelSqlalchemy'],
	'hardened/sentry_setup.py': ['sentrySdk', 'fastapi'],
	'hardened/health.py': ['fastapi'],
	'hardened/quick-commands.sh': ['gunicorn'],
	'added/start.sh': ['uvicorn', 'fastapi'],
};

/** The version the smoke run had of a package it ran; a build with a stale file fails here rather than show a version nobody ran. */
export function verifiedVersion(entry: VerifiedPackage): string | undefined {
	if (entry.notRun) return undefined;
	const version = verified.packages[entry.distribution];
	if (!version)
		throw new Error(
			`verified-versions.json has no ${entry.distribution}: run npm run test:templates, or mark ${entry.name} notRun`,
		);
	return version;
}

/** "Debian unstable, Python 3.14.10". */
export const ranOn = `${verified.ranOn.distribution}, Python ${verified.python}`;

/**
 * What the page says under a template: "Smoke-run on Debian unstable, Python 3.14.10, with
 * gunicorn 26.2.2 and uvicorn 0.53.0 installed; uvicorn-worker: not run here" where a smoke check
 * ran it, or "Parsed, not run, on Debian unstable, Python 3.14.10, which has gunicorn 26.2.2;
 * uv 0.12.1 (pinned): not run here" where it was only parsed. It names what the run had, not
 * each package a check used. Nothing where no package is listed.
 */
export function verifiedLine(file: string): string | undefined {
	const entries: VerifiedPackage[] = (verifiedWith[file] ?? []).map((key) => verifiedPackages[key]);
	if (!entries.length) return undefined;
	const installed = entries
		.filter((entry) => !entry.notRun)
		.map((entry) => `${entry.name} ${verifiedVersion(entry)}`);
	const notRun = entries
		.filter((entry) => entry.notRun)
		.map((entry) => (entry.pinned ? `${entry.name} ${entry.pinned.version} (pinned)` : entry.name));
	const list = [installed.slice(0, -1).join(', '), installed.at(-1)].filter(Boolean).join(' and ');
	const run = verified.exercised.includes(file)
		? `Smoke-run on ${ranOn}${list ? `, with ${list} installed` : ''}`
		: `Parsed, not run, on ${ranOn}${list ? `, which has ${list}` : ''}`;
	return [run, notRun.length ? `${notRun.join(', ')}: not run here` : '']
		.filter(Boolean)
		.join('; ');
}
