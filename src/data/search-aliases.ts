/**
 * Words engineers type for what the sheet says in its own words. Each term (a word or a phrase,
 * matched whole and case-insensitively) is searched as each of its meanings too, and their
 * results are merged after the pages that hold the typed words themselves. Reviewed by hand:
 * add a line when a search that should find a page does not, and a line to the relevance table
 * in tests/e2e/search-relevance.ts that proves it.
 */
import type { SearchAlias } from '#lib/search/query.ts';

export const searchAliases: readonly SearchAlias[] = [
	{ terms: ['k8s', 'kube', 'pod', 'pods'], means: ['kubernetes', 'kubectl'] },
	{
		terms: ['env var', 'env vars', 'environment variable', 'environment variables', 'env'],
		means: ['getenv'],
	},
	{
		terms: ['graceful shutdown', 'shutdown', 'sigterm', 'kill', 'drain'],
		means: ['graceful_timeout'],
	},
	{ terms: ['latency', 'response time', 'slow'], means: ['p99', 'duration'] },
	{ terms: ['rollback', 'roll back', 'revert', 'undo deploy'], means: ['rollout undo'] },
	{
		terms: ['probe', 'probes', 'liveness', 'readiness', 'health check', 'healthcheck'],
		means: ['healthz', 'readyz'],
	},
	{ terms: ['5xx', '500', 'error rate', 'errors'], means: ['http_errors_total'] },
	{ terms: ['502', '504', 'gateway timeout', 'bad gateway'], means: ['keepalive', 'timeout'] },
	{
		terms: ['otel', 'tracing', 'traces', 'spans', 'distributed tracing'],
		means: ['opentelemetry'],
	},
	{ terms: ['sample rate', 'sampling'], means: ['traces_sample_rate'] },
	{ terms: ['error tracking', 'exceptions', 'crash reporting'], means: ['sentry'] },
	{ terms: ['json logs', 'structured logging', 'logs', 'logger'], means: ['structlog'] },
	{ terms: ['request id', 'correlation id', 'trace id'], means: ['x-request-id'] },
	{
		terms: ['memory leak', 'leak', 'recycle workers', 'worker recycling'],
		means: ['max_requests'],
	},
	{
		terms: ['oom', 'out of memory', 'memory'],
		means: ['process_resident_memory_bytes', 'memory-constrained'],
	},
	{ terms: ['concurrency', 'how many workers', 'worker count', 'cpu'], means: ['workers'] },
	{ terms: ['musl', 'small image', 'smallest image'], means: ['alpine'] },
	{ terms: ['container', 'docker image', 'multi-stage', 'multistage'], means: ['dockerfile'] },
	{ terms: ['non root', 'nonroot', 'rootless'], means: ['non-root', 'useradd'] },
	{ terms: ['profiling', 'profiler', 'cpu profile'], means: ['py-spy'] },
	{ terms: ['alerts', 'alerting', 'slo', 'sla'], means: ['alert threshold'] },
	{ terms: ['connection pool', 'db pool'], means: ['db_pool_active_connections'] },
	{ terms: ['deploy', 'deployment status'], means: ['rollout status'] },
];
