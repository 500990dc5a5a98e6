/**
 * Every template of the sheet, in the sheet's order. The file under `src/snippets/` is the one
 * source of its text: pages display it, the copy button copies it, tests compare it to the sheet.
 * A snippet's text is its file without the file's final newline, exactly as the sheet's code block.
 */
export type SnippetLang = 'dockerfile' | 'python' | 'bash';

export interface Snippet {
	/** File name under `src/snippets/`. */
	file: string;
	/** Shiki language, as the sheet's code fence names it. */
	lang: SnippetLang;
	/** Frame title: the file name where the sheet names one, else none. */
	title?: string;
	/** The page that shows it. */
	page: string;
	/** The sheet heading the block sits under. */
	heading: string;
}

export const snippets: readonly Snippet[] = [
	{ file: 'Dockerfile', lang: 'dockerfile', title: 'Dockerfile', page: 'dockerfile', heading: 'Dockerfile Template (Multi-Stage with uv)' },
	{ file: 'gunicorn.conf.py', lang: 'python', title: 'gunicorn.conf.py', page: 'gunicorn', heading: 'Gunicorn Config Template' },
	{ file: 'logging_config.py', lang: 'python', title: 'app/logging_config.py', page: 'logging', heading: 'structlog Setup Template' },
	{ file: 'request_logging_middleware.py', lang: 'python', page: 'logging', heading: 'Request Logging Middleware' },
	{ file: 'otel_setup.py', lang: 'python', page: 'opentelemetry', heading: 'OpenTelemetry Setup' },
	{ file: 'sentry_setup.py', lang: 'python', page: 'sentry', heading: 'Sentry Setup' },
	{ file: 'health.py', lang: 'python', page: 'health-checks', heading: 'Health Check Endpoint Template' },
	{ file: 'quick-commands.sh', lang: 'bash', page: 'quick-commands', heading: 'Quick Commands' },
];
