/**
 * What engineers type, and the page search must list first. Extend it when the sheet or the
 * alias list (src/data/search-aliases.ts) changes: tests/e2e/search.spec.ts checks every line.
 */
import { sections } from '#data/sections.ts';

export const firstResultFor: Record<string, string> = {
	// Exact code tokens and phrases.
	'SELECT 1': 'health-checks',
	'--frozen': 'dockerfile',
	WEB_CONCURRENCY: 'gunicorn',
	'/readyz': 'health-checks',
	healthz: 'health-checks',
	UvicornWorker: 'gunicorn',
	'uvicorn.workers.UvicornWorker': 'gunicorn',
	max_requests_jitter: 'gunicorn',
	graceful_timeout: 'gunicorn',
	preload_app: 'gunicorn',
	OTLPSpanExporter: 'opentelemetry',
	FastAPIInstrumentor: 'opentelemetry',
	ProcessorFormatter: 'logging',
	'x-request-id': 'logging',
	traces_sample_rate: 'sentry',
	sentry_sdk: 'sentry',
	db_pool_active_connections: 'metrics',
	http_request_duration_seconds: 'metrics',
	p99: 'metrics',
	'python:3.12-slim': 'base-images',
	alpine: 'base-images',
	'py-spy': 'quick-commands',
	tracemalloc: 'quick-commands',
	'rollout undo': 'quick-commands',
	'non-root': 'dockerfile',
	'uv sync': 'dockerfile',
	'CPU * 2 + 1': 'workers',
	'0.0.0.0': 'gunicorn',
	ready: 'health-checks',
	// Words engineers use for what the sheet says otherwise (the alias list).
	'k8s rollout': 'quick-commands',
	'k8s workers': 'workers',
	'env var': 'gunicorn',
	'graceful shutdown': 'gunicorn',
	latency: 'metrics',
	rollback: 'quick-commands',
	probe: 'health-checks',
	liveness: 'health-checks',
	'5xx': 'metrics',
	'502': 'gunicorn',
	otel: 'opentelemetry',
	'memory leak': 'gunicorn',
	'request id': 'logging',
	musl: 'base-images',
	healthcheck: 'health-checks',
	HEALTHCHECK: 'health-checks',
	multistage: 'dockerfile',
	nonroot: 'dockerfile',
	tracing: 'opentelemetry',
	'sample rate': 'sentry',
	'502 bad gateway': 'gunicorn',
	// One-letter typos in words of five letters or more.
	gunicron: 'gunicorn',
	healtz: 'health-checks',
	structlgo: 'logging',
	// The probes template's heading names Kubernetes: its page comes first for the word.
	kuberntes: 'health-checks',
	// Section titles and headings.
	...Object.fromEntries(sections.map((section) => [section.heading, section.slug])),
	'Request Logging Middleware': 'logging',
};
