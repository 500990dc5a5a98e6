/**
 * The versions the hardened templates were written against, one place for all of them: a version
 * bump is one edit here. Each template lists the packages it uses (`uses`), in this order.
 * Checked against the projects' release pages and changelogs in late November 2026.
 */
export interface VerifiedPackage {
	name: string;
	version: string;
	/** Where the version was confirmed. */
	source: string;
}

export const verifiedPackages = {
	uv: {
		name: 'uv',
		version: '0.12.1',
		source: 'https://github.com/astral-sh/uv/releases/tag/0.12.1',
	},
	gunicorn: {
		name: 'gunicorn',
		version: '26.2.2',
		source: 'https://github.com/benoitc/gunicorn/releases/tag/26.2.2',
	},
	uvicornWorker: {
		name: 'uvicorn-worker',
		version: '0.4.0',
		source: 'https://github.com/Kludex/uvicorn-worker/releases/tag/0.4.0',
	},
	uvicorn: {
		name: 'uvicorn',
		version: '0.51.0',
		source: 'https://github.com/Kludex/uvicorn/releases/tag/0.51.0',
	},
	structlog: {
		name: 'structlog',
		version: '25.5.0',
		source: 'https://github.com/hynek/structlog/releases/tag/25.5.0',
	},
	opentelemetrySdk: {
		name: 'opentelemetry-sdk',
		version: '1.43.0',
		source: 'https://github.com/open-telemetry/opentelemetry-python/releases/tag/v1.43.0',
	},
	sentrySdk: {
		name: 'sentry-sdk',
		version: '2.72.0',
		source: 'https://pypi.org/project/sentry-sdk/2.72.0/',
	},
	fastapi: {
		name: 'FastAPI',
		version: '0.139.2',
		source: 'https://github.com/fastapi/fastapi/releases/tag/0.139.2',
	},
} as const satisfies Record<string, VerifiedPackage>;

export type VerifiedKey = keyof typeof verifiedPackages;

/** Which packages each hardened and added template targets, by its file under `src/snippets/`. */
export const verifiedWith: Readonly<Record<string, readonly VerifiedKey[]>> = {
	'hardened/Dockerfile': ['uv', 'gunicorn'],
	'hardened/gunicorn.conf.py': ['gunicorn', 'uvicornWorker', 'uvicorn'],
	'hardened/logging_config.py': ['structlog', 'uvicorn'],
	'hardened/request_logging_middleware.py': ['structlog', 'fastapi'],
	'hardened/otel_setup.py': ['opentelemetrySdk', 'fastapi'],
	'hardened/sentry_setup.py': ['sentrySdk', 'fastapi'],
	'hardened/health.py': ['fastapi'],
	'hardened/quick-commands.sh': ['gunicorn'],
	'added/start.sh': ['uvicorn', 'fastapi'],
};

/** "uv 0.12.1, gunicorn 26.2.2" for a template, or nothing where none is listed. */
export function verifiedLine(file: string): string | undefined {
	const keys = verifiedWith[file];
	return keys?.length
		? keys.map((key) => `${verifiedPackages[key].name} ${verifiedPackages[key].version}`).join(', ')
		: undefined;
}
