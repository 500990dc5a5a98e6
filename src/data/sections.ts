/**
 * The sheet's sections in the sheet's order: one page each. The sidebar, the home page's
 * cards and the 404 page's list all read this list, so a section is named in one place.
 */
export type SectionGroup = 'Templates' | 'Observability' | 'Reference';

export interface Section {
	/** Page path without slashes: `/gunicorn/`. Stable: other sites link here. */
	slug: string;
	/** The sheet's own heading, used as the page title. */
	heading: string;
	/** Short name for the sidebar and cards. */
	label: string;
	group: SectionGroup;
	/** One line for the home page card. */
	summary: string;
}

export const sections: readonly Section[] = [
	{
		slug: 'dockerfile',
		heading: 'Dockerfile Template (Multi-Stage with uv)',
		label: 'Dockerfile',
		group: 'Templates',
		summary:
			'Two-stage image: uv installs locked dependencies, a slim runtime runs as a non-root user.',
	},
	{
		slug: 'gunicorn',
		heading: 'Gunicorn Config Template',
		label: 'Gunicorn config',
		group: 'Templates',
		summary: 'Bind address, worker count, timeouts and worker recycling in one config file.',
	},
	{
		slug: 'logging',
		heading: 'structlog Setup Template',
		label: 'Logging (structlog)',
		group: 'Observability',
		summary:
			'JSON logs through the standard library, plus middleware that tags every request with an ID.',
	},
	{
		slug: 'opentelemetry',
		heading: 'OpenTelemetry Setup',
		label: 'OpenTelemetry',
		group: 'Observability',
		summary: 'Tracer provider, OTLP export and automatic spans for FastAPI and SQLAlchemy.',
	},
	{
		slug: 'sentry',
		heading: 'Sentry Setup',
		label: 'Sentry',
		group: 'Observability',
		summary: 'Error reporting with environment, release, sampling and a PII scrubbing hook.',
	},
	{
		slug: 'health-checks',
		heading: 'Health Check Endpoint Template',
		label: 'Health checks',
		group: 'Templates',
		summary:
			'Liveness and readiness endpoints; readiness checks the database and answers 503 when degraded.',
	},
	{
		slug: 'metrics',
		heading: 'Key Production Metrics',
		label: 'Key metrics',
		group: 'Observability',
		summary: 'Eight metrics worth alerting on, with their type, threshold and why they matter.',
	},
	{
		slug: 'base-images',
		heading: 'Docker Base Image Decision',
		label: 'Base images',
		group: 'Reference',
		summary: 'Slim, Alpine or full Debian image: size against compatibility.',
	},
	{
		slug: 'workers',
		heading: 'Workers Formula',
		label: 'Workers formula',
		group: 'Reference',
		summary: 'How many worker processes for bare metal, Kubernetes and memory-bound hosts.',
	},
	{
		slug: 'quick-commands',
		heading: 'Quick Commands',
		label: 'Quick commands',
		group: 'Reference',
		summary: 'Run, profile, measure memory, check image size and roll back a deployment.',
	},
];

export const sectionGroups: readonly SectionGroup[] = ['Templates', 'Observability', 'Reference'];
