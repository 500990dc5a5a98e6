/**
 * Production notes: where a section's template or table falls short in production, beside the
 * sheet's own text (never in place of it). Each note says what breaks, why, the fix, and the
 * primary source it was checked against (official docs or the project's own source).
 * Text may use `code` marks (rendered by src/lib/sheet/inline-markdown.ts).
 */
export interface NoteSource {
	/** Who says so, as the link text: "uv docs: Docker guide". */
	label: string;
	/** An https address of official docs or source code. */
	url: string;
}

export interface ProductionNote {
	title: string;
	/** What goes wrong with the template as written, and why. */
	breaks: string;
	/** What to do instead. */
	fix: string;
	source: NoteSource;
}

/** Keyed by section slug (src/data/sections.ts); src/lib/sheet/llms.test.ts checks every section has notes. */
export const productionNotes: Readonly<Record<string, readonly ProductionNote[]>> = {
	dockerfile: [
		{
			title: 'The project is synced before its source is in the image',
			breaks:
				'Only `pyproject.toml` and `uv.lock` are copied when `uv sync` runs, so uv tries to install the project itself without its code, and nothing syncs again after `COPY . .`.',
			fix: 'Sync twice: `uv sync --locked --no-install-project --no-editable` before copying the source (dependencies only, a cacheable layer), then `uv sync --locked --no-editable` after it.',
			source: {
				label: 'uv docs: Docker, intermediate layers',
				url: 'https://docs.astral.sh/uv/guides/integration/docker/#intermediate-layers',
			},
		},
		{
			title: 'The runtime stage copies the whole build context',
			breaks:
				'`COPY --from=builder /app /app` brings the source tree, and whatever else `COPY . .` picked up, into the final image.',
			fix: 'With `--no-editable` the project lives in the virtual environment, so the runtime needs `/app/.venv` and only the files its command reads, such as `gunicorn.conf.py`. The hardened Dockerfile keeps its copy of `/app` for those, trims the context with `.dockerignore`, and leaves the code owned by root, so the app’s user cannot rewrite it.',
			source: {
				label: 'uv docs: Docker, non-editable installs',
				url: 'https://docs.astral.sh/uv/guides/integration/docker/#non-editable-installs',
			},
		},
		{
			title: 'A local `.venv` can overwrite the image’s environment',
			breaks:
				'Without a `.dockerignore`, `COPY . .` copies the host’s `.venv`, built for another platform, over the one uv made in the image.',
			fix: 'Add `.venv` to `.dockerignore`.',
			source: {
				label: 'uv docs: Docker, installing a project',
				url: 'https://docs.astral.sh/uv/guides/integration/docker/#installing-a-project',
			},
		},
		{
			title: '`uv:latest` changes under you',
			breaks:
				'Each build takes whatever uv was released last, so the same Dockerfile can build differently from one day to the next.',
			fix: 'Pin a version, `ghcr.io/astral-sh/uv:0.x.y`, or a digest for reproducible builds.',
			source: {
				label: 'uv docs: Docker, installing uv',
				url: 'https://docs.astral.sh/uv/guides/integration/docker/#installing-uv',
			},
		},
	],
	gunicorn: [
		{
			title: '`uvicorn.workers` is deprecated',
			breaks:
				'Uvicorn deprecated its `uvicorn.workers` module in 0.30.0; importing it warns, and it is due to be removed.',
			fix: 'Install the `uvicorn-worker` package and set `worker_class = "uvicorn_worker.UvicornWorker"`.',
			source: {
				label: 'Uvicorn pull request #2302',
				url: 'https://github.com/Kludex/uvicorn/pull/2302',
			},
		},
		{
			title: '`preload_app` shares one connection pool between workers',
			breaks:
				'With the app imported before the fork, every worker inherits the same pooled database sockets; concurrent use from several processes garbles the protocol or breaks connections.',
			fix: 'Create the engine in each worker (in the app’s lifespan), or call `engine.dispose(close=False)` in a `post_fork` hook.',
			source: {
				label: 'SQLAlchemy docs: connection pools and os.fork()',
				url: 'https://docs.sqlalchemy.org/en/20/core/pooling.html#using-connection-pools-with-multiprocessing-or-os-fork',
			},
		},
		{
			title: '`timeout = 120` does not limit a request',
			breaks:
				'For async workers such as Uvicorn’s, `timeout` only says how long a worker may stay silent to the arbiter; a slow request is not cut off after 120 seconds.',
			fix: 'Keep `timeout` near its default and bound request time where it is enforced: in the app (for example `asyncio.timeout`) or at the proxy.',
			source: {
				label: 'Gunicorn settings: timeout',
				url: 'https://docs.gunicorn.org/en/stable/settings.html#timeout',
			},
		},
	],
	logging: [
		{
			title: 'JSON logs lose the traceback',
			breaks:
				'No processor turns `exc_info` into text: with `json_logs=True`, a structlog `logger.exception(...)` line carries `"exc_info": true`, a standard-library record’s (uvicorn’s “Exception in ASGI application”) the reprs of its exception tuple, and neither the traceback.',
			fix: 'Put an exception processor before the renderer: `structlog.processors.ExceptionRenderer(structlog.tracebacks.ExceptionDictTransformer(show_locals=False))`, as the Hardened tab does. Keep `show_locals=False`: structlog’s ready-made `dict_tracebacks` writes the frames’ local variables (passwords, tokens) into the log.',
			source: {
				label: 'structlog API: ExceptionDictTransformer',
				url: 'https://www.structlog.org/en/stable/api.html#structlog.tracebacks.ExceptionDictTransformer',
			},
		},
		{
			title: 'Standard-library records skip the processors',
			breaks:
				'`ProcessorFormatter` has no `foreign_pre_chain`, so lines from uvicorn, gunicorn or SQLAlchemy get no level, timestamp or request context, only the renderer.',
			fix: 'Pass the shared list as well: `ProcessorFormatter(foreign_pre_chain=processors, processors=[...])`.',
			source: {
				label: 'structlog docs: standard library, ProcessorFormatter',
				url: 'https://www.structlog.org/en/stable/standard-library.html#rendering-using-structlog-based-formatters-within-logging',
			},
		},
		{
			title: '`BaseHTTPMiddleware` hides the endpoint’s context',
			breaks:
				'Context variables set in the endpoint (a user ID bound with `bind_contextvars`) do not propagate back up, so `request_completed` never carries them.',
			fix: 'Write the middleware as pure ASGI middleware, which Starlette recommends for this.',
			source: {
				label: 'Starlette docs: BaseHTTPMiddleware limitations',
				url: 'https://www.starlette.io/middleware/#limitations',
			},
		},
		{
			title: 'A failing request is never logged as completed',
			breaks:
				'If the endpoint raises, `await call_next(request)` raises too and the `request_completed` line is skipped, so the failures are the requests missing from the log.',
			fix: 'Log completion in a `finally` block (with the duration and a 500 status when no response was sent).',
			source: {
				label: 'Starlette docs: cleanup and error handling',
				url: 'https://www.starlette.io/middleware/#cleanup-and-error-handling',
			},
		},
	],
	opentelemetry: [
		{
			title: 'The span processor is not fork-safe',
			breaks:
				'`BatchSpanProcessor` runs a background export thread; set up before Gunicorn forks (with `preload_app = True`), workers inherit its lock and can deadlock or export nothing.',
			fix: 'Create the tracer provider and span processor in each worker, in Gunicorn’s `post_fork` hook.',
			source: {
				label: 'OpenTelemetry Python: fork process model',
				url: 'https://github.com/open-telemetry/opentelemetry-python/tree/main/docs/examples/fork-process-model',
			},
		},
		{
			title: 'An async engine needs its sync core',
			breaks:
				'A FastAPI service usually has an `AsyncEngine` from `create_async_engine`; the instrumentor hooks the synchronous engine’s events.',
			fix: 'Pass the engine underneath: `SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine)`.',
			source: {
				label: 'OpenTelemetry SQLAlchemy instrumentation docs',
				url: 'https://opentelemetry-python-contrib.readthedocs.io/en/latest/instrumentation/sqlalchemy/sqlalchemy.html',
			},
		},
	],
	sentry: [
		{
			title: '`before_send` must return the event',
			breaks:
				'The hook’s return value is what gets sent; a `scrub_pii` that edits the event in place and returns `None` silently drops every error.',
			fix: 'Return the (scrubbed) event from the hook, and `None` only for events you mean to drop.',
			source: {
				label: 'Sentry docs: filtering, before_send',
				url: 'https://docs.sentry.io/platforms/python/configuration/filtering/',
			},
		},
		{
			title: 'The integrations list adds nothing',
			breaks:
				'The FastAPI and SQLAlchemy integrations are enabled automatically when those packages are installed; listing them only repeats the defaults.',
			fix: 'Leave `integrations` out, or list an integration only to pass it options.',
			source: {
				label: 'Sentry docs: Python integrations',
				url: 'https://docs.sentry.io/platforms/python/integrations/',
			},
		},
	],
	'health-checks': [
		{
			title: 'Readiness can never pass as written',
			breaks:
				'`get_session` is not defined or imported anywhere in the template; the broad `except` turns the `NameError` into a check result, so `/readyz` answers 503 for ever.',
			fix: 'Check with the engine itself: `async with engine.connect() as conn: await conn.execute(text("SELECT 1"))`.',
			source: {
				label: 'SQLAlchemy docs: asyncio extension',
				url: 'https://docs.sqlalchemy.org/en/20/orm/extensions/asyncio.html',
			},
		},
		{
			title: 'A hung database hangs the probe',
			breaks:
				'The check has no time limit, so a database that accepts the connection but never answers holds the probe until the orchestrator gives up.',
			fix: 'Bound it: `await asyncio.wait_for(ping_database(), timeout=2)`, on every Python the site offers (`async with asyncio.timeout(2):` from 3.11), and report a timeout as not ready.',
			source: {
				label: 'Python docs: asyncio.wait_for',
				url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.wait_for',
			},
		},
	],
	metrics: [
		{
			title: 'A p99 above 2 s cannot show in the default histogram',
			breaks:
				'prometheus-fastapi-instrumentator gives `http_request_duration_seconds` only the buckets 0.1, 0.5 and 1 s, so every slower request lands in `+Inf` and the 2 s threshold is never crossed.',
			fix: 'Alert on `http_request_duration_highr_seconds`, whose buckets run to 60 s, or pass your own `latency_lowr_buckets`.',
			source: {
				label: 'prometheus-fastapi-instrumentator source',
				url: 'https://github.com/trallnag/prometheus-fastapi-instrumentator',
			},
		},
		{
			title: 'Status codes are grouped by default',
			breaks:
				'The instrumentator labels every server error `status="5xx"`, so a selector such as `status=~"5.."` matches no series.',
			fix: 'Select `status="5xx"` on `http_requests_total`, or set `should_group_status_codes=False`.',
			source: {
				label: 'prometheus-fastapi-instrumentator source',
				url: 'https://github.com/trallnag/prometheus-fastapi-instrumentator',
			},
		},
	],
	'base-images': [
		{
			title: 'The sizes are not what a registry sends',
			breaks:
				'The sheet does not say which size it gives. Docker’s official image listings give compressed transfer sizes: `python:3.12-slim` for amd64 is about 43 MB there, against the sheet’s ~120 MB.',
			fix: 'Compare like with like: `docker images` shows the unpacked size on disk, the registry the compressed download.',
			source: {
				label: 'docker-library/repo-info: python:3.12-slim',
				url: 'https://github.com/docker-library/repo-info/blob/master/repos/python/remote/3.12-slim.md',
			},
		},
	],
	workers: [
		{
			title: 'On Kubernetes, FastAPI’s docs advise one process per container',
			breaks:
				'Several workers per pod duplicate what the cluster already does (replication, restarts) and make the pod’s memory and CPU use harder to size.',
			fix: 'Run a single Uvicorn process per container and scale with replicas. The Kubernetes Deployment under Health checks does so: `WEB_CONCURRENCY` comes from its CPU limit of one CPU.',
			source: {
				label: 'FastAPI docs: server workers',
				url: 'https://fastapi.tiangolo.com/deployment/server-workers/',
			},
		},
		{
			title: 'CPU counts ignore the container’s limit',
			breaks:
				'`multiprocessing.cpu_count()` reports the host’s CPUs, so a formula built on it starts far too many workers in a pod limited to one or two CPUs.',
			fix: 'Set `WEB_CONCURRENCY` from the pod’s CPU limit; on Python 3.13+, `PYTHON_CPU_COUNT` or `-X cpu_count=N` overrides the count Python reports.',
			source: {
				label: 'Python docs: PYTHON_CPU_COUNT',
				url: 'https://docs.python.org/3/using/cmdline.html#envvar-PYTHON_CPU_COUNT',
			},
		},
	],
	'quick-commands': [
		{
			title: '`pgrep -f uvicorn` finds nothing under Gunicorn',
			breaks:
				'Started as `gunicorn app.main:app -c gunicorn.conf.py`, no process has “uvicorn” on its command line, and py-spy inside a container is denied without the `SYS_PTRACE` capability.',
			fix: 'Profile the arbiter and its workers: `py-spy top --pid "$(pgrep -o -f gunicorn)" --subprocesses`, in a container started with `SYS_PTRACE`.',
			source: {
				label: 'py-spy README',
				url: 'https://github.com/benfred/py-spy#how-do-i-run-py-spy-in-docker',
			},
		},
	],
};

/** A section's notes, none if it has none. */
export function notesFor(slug: string): readonly ProductionNote[] {
	return productionNotes[slug] ?? [];
}
