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
	{
		file: 'Dockerfile',
		lang: 'dockerfile',
		title: 'Dockerfile',
		page: 'dockerfile',
		heading: 'Dockerfile Template (Multi-Stage with uv)',
	},
	{
		file: 'gunicorn.conf.py',
		lang: 'python',
		title: 'gunicorn.conf.py',
		page: 'gunicorn',
		heading: 'Gunicorn Config Template',
	},
	{
		file: 'logging_config.py',
		lang: 'python',
		title: 'app/logging_config.py',
		page: 'logging',
		heading: 'structlog Setup Template',
	},
	{
		file: 'request_logging_middleware.py',
		lang: 'python',
		page: 'logging',
		heading: 'Request Logging Middleware',
	},
	{ file: 'otel_setup.py', lang: 'python', page: 'opentelemetry', heading: 'OpenTelemetry Setup' },
	{ file: 'sentry_setup.py', lang: 'python', page: 'sentry', heading: 'Sentry Setup' },
	{
		file: 'health.py',
		lang: 'python',
		page: 'health-checks',
		heading: 'Health Check Endpoint Template',
	},
	{ file: 'quick-commands.sh', lang: 'bash', page: 'quick-commands', heading: 'Quick Commands' },
];

/** Languages of the templates beyond the sheet's: Kubernetes YAML, and plain text for `.dockerignore`. */
export type TemplateLang = SnippetLang | 'yaml' | 'txt';

/** A template that is not the sheet's: a hardened variant, or one the sheet lacks. */
export interface ExtraTemplate extends Omit<Snippet, 'lang'> {
	/** Path under `src/snippets/`: `hardened/<sheet file>` or `added/<file>`. */
	file: string;
	lang: TemplateLang;
}

/**
 * The hardened variant of every sheet template: `src/snippets/hardened/` under the same file name,
 * shown in a "Hardened" tab beside the sheet's, on the same page, with the same title.
 */
export const hardenedSnippets: readonly ExtraTemplate[] = snippets.map((snippet) => ({
	...snippet,
	file: `hardened/${snippet.file}`,
}));

/** The hardened variant of a sheet template, by the sheet's file name. */
export function hardenedOf(file: string): ExtraTemplate | undefined {
	return hardenedSnippets.find((entry) => entry.file === `hardened/${file}`);
}

/** Templates a production team needs that the sheet has no counterpart for, each after its page's sheet templates. */
export const addedTemplates: readonly ExtraTemplate[] = [
	{
		file: 'added/.dockerignore',
		lang: 'txt',
		title: '.dockerignore',
		page: 'dockerfile',
		heading: '.dockerignore',
	},
	{
		file: 'added/start.sh',
		lang: 'bash',
		title: 'start.sh',
		page: 'gunicorn',
		heading: 'Without gunicorn: uvicorn’s own workers',
	},
	{
		file: 'added/deployment.yaml',
		lang: 'yaml',
		title: 'deployment.yaml',
		page: 'health-checks',
		heading: 'Kubernetes liveness, readiness and startup probes',
	},
];

/** Every template file the site shows: the sheet's, their hardened variants, and the added ones. */
export const allTemplates: readonly ExtraTemplate[] = [
	...snippets,
	...hardenedSnippets,
	...addedTemplates,
];
