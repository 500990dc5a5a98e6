/**
 * Where each setting goes in each template: the one list of it. The snippet files stay the
 * sheet's text byte for byte, so the places are declared here, over them, by line.
 *
 * A place is a whole line of the snippet file (1-based `line`), written as it reads with each
 * setting's text replaced by a marker: `«port»`, or `«logLevel:upper»` where the template spells
 * the value its own way. With the defaults put in, the line must equal the file's line exactly
 * (src/lib/settings/fill.test.ts), so an edited snippet fails the tests until its places are
 * declared again; `src/lib/settings/fill.ts` fills and marks exactly these ranges and nothing else.
 *
 * `notSettings` lists text that holds a setting's default but is not that setting (`logger.info(`
 * is a method, not the log level). The tests search every snippet for every spelling in
 * `defaultSpellings`, case-insensitively, and fail on any that is neither a place nor listed here.
 */
import type { SettingKey } from '#lib/settings/rules.ts';

/** How a place spells the value: as the setting holds it, or upper-cased (`INFO` for Python's logging). */
export type PlaceFormat = 'upper';

export interface PlaceLine {
	/** 1-based line number in the snippet file. */
	line: number;
	/** The line as the file has it, each place written `«setting»` or `«setting:format»`. */
	text: string;
}

export interface NotASetting {
	line: number;
	setting: SettingKey;
	/** Text on that line holding the setting's default. */
	text: string;
	why: string;
}

export interface SnippetPlaces {
	places: readonly PlaceLine[];
	notSettings: readonly NotASetting[];
}

/** Every snippet file of `src/data/snippets.ts`, even those with no place. */
export const settingPlaces: Readonly<Record<string, SnippetPlaces>> = {
	Dockerfile: {
		places: [
			{ line: 2, text: 'FROM python:«python»-slim AS builder' },
			{ line: 16, text: 'FROM python:«python»-slim' },
			{ line: 25, text: 'EXPOSE «port»' },
			{ line: 27, text: 'CMD ["gunicorn", "«app»", "-c", "gunicorn.conf.py"]' },
		],
		notSettings: [],
	},
	'gunicorn.conf.py': {
		places: [
			{ line: 4, text: `bind = f"0.0.0.0:{os.getenv('PORT', '«port»')}"` },
			{ line: 15, text: 'loglevel = os.getenv("LOG_LEVEL", "«logLevel»")' },
		],
		notSettings: [],
	},
	'logging_config.py': {
		places: [
			// The app's own logs at the level gunicorn logs at; Python's logging takes the upper-case name.
			{
				line: 4,
				text: 'def setup_logging(json_logs: bool = True, log_level: str = "«logLevel:upper»"):',
			},
		],
		notSettings: [
			{
				line: 9,
				setting: 'logLevel',
				text: 'StackInfoRenderer',
				why: 'a structlog processor’s name',
			},
		],
	},
	'request_logging_middleware.py': {
		places: [],
		notSettings: [
			{
				line: 13,
				setting: 'logLevel',
				text: 'logger.info(',
				why: 'the level of this one log call, not the service’s log level',
			},
			{
				line: 15,
				setting: 'logLevel',
				text: 'logger.info(',
				why: 'the level of this one log call, not the service’s log level',
			},
		],
	},
	'otel_setup.py': {
		places: [
			{
				line: 10,
				text: '    resource = Resource.create({"service.name": "«service»", "service.version": "«version»"})',
			},
		],
		notSettings: [],
	},
	'sentry_setup.py': {
		places: [{ line: 9, text: '    traces_sample_rate=«sampleRate»,' }],
		notSettings: [],
	},
	'health.py': { places: [], notSettings: [] },
	'quick-commands.sh': {
		places: [
			{ line: 2, text: 'gunicorn «app» -c gunicorn.conf.py' },
			// The image is tagged with the service's name.
			{
				line: 11,
				text: 'docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}" | grep «service»',
			},
			{ line: 14, text: 'kubectl rollout status deployment/«deployment»' },
			{ line: 15, text: 'kubectl rollout undo deployment/«deployment»  # rollback' },
		],
		notSettings: [],
	},
	// The hardened variants (src/snippets/hardened/): the same settings at their own lines.
	'hardened/Dockerfile': {
		places: [
			{ line: 2, text: 'FROM python:«python»-slim AS builder' },
			{ line: 27, text: 'FROM python:«python»-slim' },
			{ line: 41, text: 'EXPOSE «port»' },
			{
				line: 46,
				text: `         "import urllib.request as u; u.urlopen('http://localhost:«port»/healthz', timeout=2)"]`,
			},
			{ line: 49, text: 'CMD ["gunicorn", "«app»", "-c", "gunicorn.conf.py"]' },
		],
		notSettings: [
			{ line: 5, setting: 'sampleRate', text: 'uv:0.12.1', why: 'the pinned uv release' },
		],
	},
	'hardened/gunicorn.conf.py': {
		places: [
			{ line: 4, text: `bind = f"0.0.0.0:{os.getenv('PORT', '«port»')}"` },
			{ line: 27, text: 'loglevel = os.getenv("LOG_LEVEL", "«logLevel»")' },
		],
		notSettings: [],
	},
	'hardened/logging_config.py': {
		places: [
			{
				line: 11,
				text: 'def setup_logging(json_logs: bool = True, log_level: str = "«logLevel:upper»"):',
			},
		],
		notSettings: [
			{
				line: 22,
				setting: 'logLevel',
				text: 'StackInfoRenderer',
				why: 'a structlog processor’s name',
			},
		],
	},
	'hardened/request_logging_middleware.py': {
		places: [],
		notSettings: [
			{
				line: 38,
				setting: 'logLevel',
				text: 'logger.info(',
				why: 'the level of this one log call, not the service’s log level',
			},
			{
				line: 43,
				setting: 'logLevel',
				text: 'logger.info(',
				why: 'the level of this one log call, not the service’s log level',
			},
		],
	},
	'hardened/otel_setup.py': {
		places: [
			// Defaults only: the deployment's OTEL_SERVICE_NAME and SERVICE_VERSION win.
			{ line: 17, text: '        "service.name": os.getenv("OTEL_SERVICE_NAME", "«service»"),' },
			{ line: 18, text: '        "service.version": os.getenv("SERVICE_VERSION", "«version»"),' },
		],
		notSettings: [],
	},
	'hardened/sentry_setup.py': {
		places: [{ line: 27, text: '    traces_sample_rate=«sampleRate»,' }],
		notSettings: [],
	},
	'hardened/health.py': { places: [], notSettings: [] },
	'hardened/quick-commands.sh': {
		places: [
			{ line: 2, text: 'gunicorn «app» -c gunicorn.conf.py' },
			{
				line: 15,
				text: 'docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}" | grep «service»',
			},
			{ line: 18, text: 'kubectl rollout status deployment/«deployment» --timeout=5m' },
			{ line: 19, text: 'kubectl rollout history deployment/«deployment»' },
			{
				line: 20,
				text: 'kubectl rollout undo deployment/«deployment» --to-revision=2  # rollback to a listed one',
			},
			{ line: 21, text: 'kubectl rollout restart deployment/«deployment»  # new pods, same image' },
		],
		notSettings: [],
	},
	// Templates the sheet lacks (src/snippets/added/).
	'added/.dockerignore': {
		places: [],
		notSettings: [
			{ line: 14, setting: 'logLevel', text: '.egg-info', why: 'setuptools’ metadata directory' },
		],
	},
	'added/start.sh': {
		places: [
			{ line: 5, text: 'exec uvicorn «app» \\' },
			{ line: 7, text: '    --port "${PORT:-«port»}" \\' },
			{ line: 15, text: '    --log-level «logLevel» \\' },
		],
		notSettings: [
			{ line: 10, setting: 'sampleRate', text: '127.0.0.1', why: 'the loopback address' },
		],
	},
	'added/deployment.yaml': {
		places: [
			{ line: 4, text: '  name: «deployment»' },
			// The pods' label, which the selector matches: named after the deployment.
			{ line: 9, text: '      app: «deployment»' },
			{ line: 13, text: '        app: «deployment»' },
			// The image is tagged with the service's name and version.
			{ line: 22, text: '          image: «service»:«version»' },
			{ line: 25, text: '              containerPort: «port»' },
			{ line: 28, text: '              value: "«port»"' },
		],
		notSettings: [],
	},
};

/**
 * The spellings of each default the tests hunt for in every snippet, case-insensitively, as
 * substrings (so `python3.12/site-packages` and `cp312` would be found): the default itself and the forms a
 * template could write it in.
 */
export const defaultSpellings: Readonly<Record<SettingKey, readonly string[]>> = {
	service: ['my-service', 'my_service', 'myservice'],
	version: ['1.0.0'],
	app: ['app.main:app', 'app.main', 'app/main.py'],
	port: ['8000'],
	python: ['3.12', '312'],
	deployment: ['fastapi-service', 'fastapi_service'],
	logLevel: ['info'],
	sampleRate: ['0.1'],
};
