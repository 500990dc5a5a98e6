"""Smoke runs of the Python templates with Debian unstable's Python and packages.

Run by tests/templates/smoke.test.ts inside the Debian unstable root (scripts/debian-unstable.sh)
as `python3 smoke.py /workspace`, in a workspace smoke-workspace.ts builds and binds there: the
templates (filled with one settings set) in `app/`, gunicorn.conf.py at the top, the stand-ins and
this file beside them, and manifest.json saying which file came from where. Each check runs only
when its templates are there. Prints one JSON report: {"versions": {...}, "system": {...},
"checks": [{"name", "ok", "detail", "seconds"}], "probes": [{..., "package"}], "notes": [...]}.
Probes record, without asserting, whether a package works in this root (the OTLP exporters):
a failed probe is a package the runs cannot use, which the pages say was not run.
`python3 smoke.py --versions` prints only the versions, one "name version" a line (print-versions.sh).

Where the sheet's own text leaves a name to the reader (health.py's get_session, sentry_setup.py's
settings and scrub_pii), this supplies it and says so in a note; hardened files get nothing
beyond the app.db and app.config stand-ins their contract imports.
"""
import contextlib
import email.utils
import importlib
import importlib.metadata
import io
import json
import logging
import os
import re
import runpy
import shutil
import subprocess
import sys
import time
import traceback
import warnings

# Every distribution the templates or their checks touch, by its importlib.metadata name; one
# the root does not have is reported as None (uvicorn-worker, OpenTelemetry's SQLAlchemy
# instrumentation: not packaged by Debian).
PACKAGES = [
    "fastapi", "starlette", "pydantic", "pydantic-settings", "uvicorn", "uvicorn-worker", "gunicorn",
    "structlog", "sentry-sdk", "SQLAlchemy", "aiosqlite", "greenlet", "httpx",
    "opentelemetry-api", "opentelemetry-sdk", "opentelemetry-exporter-otlp-proto-grpc",
    "opentelemetry-exporter-otlp-proto-http", "opentelemetry-instrumentation-asgi",
    "opentelemetry-instrumentation-fastapi", "opentelemetry-instrumentation-sqlalchemy",
    "grpcio", "protobuf", "prometheus-client", "prometheus-fastapi-instrumentator", "validate-pyproject",
]


def versions():
    """Python, each package (None where missing) and Prometheus's promtool, as this root has them."""
    found = {"python": sys.version.split()[0]}
    for package in PACKAGES:
        try:
            found[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            found[package] = None
    promtool = shutil.which("promtool")
    output = subprocess.run([promtool, "--version"], capture_output=True, text=True).stdout if promtool else ""
    match = re.search(r"version (\d+\.\d+\.\d+)", output)
    found["prometheus"] = match.group(1) if match else None
    return found


def read(path):
    with open(path) as file:
        return file.read()


def system():
    """The distribution, and the date of the archive its packages came from (written at build time)."""
    info = {"debianVersion": read("/etc/debian_version").strip()}
    with contextlib.suppress(FileNotFoundError, TypeError, ValueError):
        info["archiveDate"] = email.utils.parsedate_to_datetime(read("/etc/debian-archive-date").strip()).date().isoformat()
    return info


if sys.argv[1:] == ["--versions"]:
    for name, version in versions().items():
        print(name, version or "not installed")
    sys.exit(0)

WORKSPACE = sys.argv[1]
os.chdir(WORKSPACE)
sys.path.insert(0, WORKSPACE)
MANIFEST = json.loads(read("manifest.json"))
FILES = MANIFEST["files"]  # template name -> {"origin": path shown in messages, "fromSheet": bool}
SETTINGS = MANIFEST["settings"]
REQUEST_ID = "smoke-request-1"
SECRET = "hunter2"

report = {"versions": {}, "system": {}, "checks": [], "probes": [], "notes": []}


def note(text):
    report["notes"].append(text)


def has(*names):
    return all(name in FILES for name in names)


def origin(name):
    return FILES[name]["origin"]


def check(name, run, into="checks", package=None):
    started = time.perf_counter()
    try:
        run()
        result = {"ok": True, "detail": ""}
    except Exception as error:  # noqa: BLE001 - every failure is a result to report
        result = {"ok": False, "detail": "".join(traceback.format_exception_only(error)).strip() + "\n" + traceback.format_exc(limit=-3)}
    report[into].append({"name": name, **result, "seconds": round(time.perf_counter() - started, 2), **({"package": package} if package else {})})


def start_gunicorn_check_config():
    """gunicorn's own check, started first: it runs in its own process while the rest goes on."""
    env = {key: value for key, value in os.environ.items() if key not in ("PORT", "LOG_LEVEL", "WEB_CONCURRENCY")}
    command = [sys.executable, "-m", "gunicorn", "--check-config", "-c", "gunicorn.conf.py", SETTINGS["app"]]
    return command, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)


def gunicorn_config():
    """The config file read as gunicorn reads it, then what it must say with these settings."""
    import gunicorn.workers.base
    from gunicorn.config import Config

    config = Config()
    for key, value in runpy.run_path("gunicorn.conf.py").items():
        if key in config.settings:
            config.set(key, value)
    worker = config.worker_class  # imports the worker class the file names
    assert issubclass(worker, gunicorn.workers.base.Worker), f"{config.worker_class_str} is not a gunicorn worker"
    if config.worker_class_str.startswith("uvicorn_worker."):
        note(f"{origin('gunicorn.conf.py')}: worker {config.worker_class_str} loaded from a STAND-IN uvicorn_worker module re-exporting uvicorn.workers.UvicornWorker (Debian has no uvicorn-worker package)")
    assert config.bind == [f"0.0.0.0:{SETTINGS['port']}"], f"bind {config.bind}"
    assert config.loglevel == SETTINGS["logLevel"], f"loglevel {config.loglevel}"


def health_router():
    from fastapi import FastAPI
    from fastapi.testclient import TestClient
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
    from sqlalchemy.pool import NullPool

    import app.db

    health = importlib.import_module("app.health")
    application = FastAPI()
    application.include_router(health.router)
    working = create_async_engine(app.db.WORKING_URL, poolclass=NullPool)
    failing = create_async_engine(app.db.FAILING_URL, poolclass=NullPool)

    def use(engine):
        if hasattr(health, "engine"):  # the hardened contract: `from app.db import engine`
            health.engine = engine
            return

        @contextlib.asynccontextmanager
        async def get_session():
            async with AsyncSession(engine) as session:
                yield session

        health.get_session = get_session

    with TestClient(application) as client:
        if not hasattr(health, "engine"):
            assert FILES["health.py"]["fromSheet"], "health.py neither imports engine from app.db nor is the sheet's text"
            answer = client.get("/readyz")
            note(f"{origin('health.py')}: the sheet leaves get_session() to the reader; without it /readyz answers {answer.status_code} {answer.json()}. Supplied: an AsyncSession on a SQLite engine.")
        response = client.get("/healthz")
        assert response.status_code == 200, f"/healthz {response.status_code} {response.text}"
        use(working)
        response = client.get("/readyz")
        assert response.status_code == 200, f"/readyz with a working database: {response.status_code} {response.text}"
        use(failing)
        response = client.get("/readyz")
        assert response.status_code == 503, f"/readyz with a failing database: {response.status_code} {response.text}"


def structured_logs():
    import structlog
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    output = io.StringIO()
    with contextlib.redirect_stdout(output):  # the handler setup_logging makes writes to this sys.stdout
        importlib.import_module("app.logging_config").setup_logging()
        middleware = importlib.import_module("app.request_logging_middleware")
        application = FastAPI()
        application.add_middleware(middleware.RequestLoggingMiddleware)

        @application.get("/ping")
        async def ping():
            return {"pong": True}

        with TestClient(application) as client:
            assert client.get("/ping", headers={"x-request-id": REQUEST_ID}).status_code == 200
        logging.getLogger("smoke.stdlib").warning("stdlib_event")

        def fails_holding_a_secret():
            password = SECRET  # noqa: F841 - a local variable no log line may show
            raise ValueError("smoke failure")

        try:
            fails_holding_a_secret()
        except ValueError:
            structlog.get_logger("smoke").exception("exception_event")
    lines = output.getvalue().splitlines()
    events = []
    for line in lines:
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            raise AssertionError(f"not one JSON object per line: {line!r}") from None
    for name in ("request_started", "request_completed"):
        found = [event for event in events if event.get("event") == name]
        assert len(found) == 1, f"{len(found)} {name} lines in {lines}"
        event = found[0]
        assert event.get("level") == "info", f"{name} level: {event}"
        assert isinstance(event.get("timestamp"), str) and event["timestamp"][:2] == "20", f"{name} timestamp: {event}"
        assert event.get("request_id") == REQUEST_ID, f"{name} request_id: {event}"
    # A logged exception: its traceback in the line, and no frame's local variables.
    failure = next((line for line in lines if '"exception_event"' in line), "")
    assert SECRET not in failure, f"the exception's line shows a local variable's value: {failure}"
    if "fails_holding_a_secret" not in failure:
        if not FILES["logging_config.py"]["fromSheet"]:
            raise AssertionError(f"the exception's line has no traceback: {failure}")
        note(f"{origin('logging_config.py')}: logger.exception() writes no traceback into the JSON line (no exception processor): {failure}")
    stdlib = next((event for event in events if event.get("event") == "stdlib_event"), {})
    missing = [field for field in ("level", "timestamp") if field not in stdlib]
    if missing:
        note(f"{origin('logging_config.py')}: a record from the standard logging module (uvicorn's, gunicorn's, SQLAlchemy's) comes out as JSON without {' and '.join(missing)}: the ProcessorFormatter has no foreign_pre_chain. Line: {json.dumps(stdlib)}")


def sentry_before_send():
    import sentry_sdk
    from sentry_sdk.transport import Transport

    import app.config

    captured = []

    class CaptureTransport(Transport):
        """Keeps what the SDK would send; nothing leaves the process."""

        def capture_event(self, event):
            captured.append(event)

        def capture_envelope(self, envelope):
            captured.extend(item.get_event() for item in envelope.items if item.get_event() is not None)

    path = "app/sentry_setup.py"
    if FILES["sentry_setup.py"]["fromSheet"]:
        try:
            runpy.run_path(path)
            note(f"{origin('sentry_setup.py')}: runs without the reader's settings and scrub_pii")
        except NameError as error:
            note(f"{origin('sentry_setup.py')}: the sheet leaves settings and scrub_pii to the reader; without them, importing it fails: NameError: {error}. Supplied: settings from the app.config stand-in, scrub_pii returning the event.")
        runpy.run_path(path, init_globals={"settings": app.config.settings, "scrub_pii": lambda event, hint=None: event})
    else:
        importlib.import_module("app.sentry_setup")
    client = sentry_sdk.get_client()  # sentry-sdk 2's API: Hub is deprecated
    assert client.is_active(), "sentry_sdk.init was not called"
    assert client.options["traces_sample_rate"] == float(SETTINGS["sampleRate"]), f"traces_sample_rate {client.options['traces_sample_rate']}"
    client.transport.kill()
    client.transport = CaptureTransport(client.options)
    sentry_sdk.capture_event({"message": "smoke", "level": "error", "request": {"headers": {"Authorization": "Bearer smoke-secret"}}})
    client.flush()
    assert len(captured) == 1, f"before_send dropped the event ({len(captured)} sent)"
    event = captured[0]
    assert event.get("release") == app.config.settings.release_version, f"release {event.get('release')}"
    assert event.get("environment") == app.config.settings.environment, f"environment {event.get('environment')}"
    authorization = event.get("request", {}).get("headers", {}).get("Authorization")
    note(f"{origin('sentry_setup.py')}: before_send kept the event; its Authorization header arrived as {authorization!r}")


def otlp_exporter(transport):
    """The OTLP span exporter constructed as otel_setup.py constructs it, with a collector address
    (nothing is sent: no span is exported). Debian's grpcio is older than the gRPC exporter's
    generated code expects, which this records rather than hides."""

    def run():
        module = importlib.import_module(f"opentelemetry.exporter.otlp.proto.{transport}.trace_exporter")
        endpoint = {"grpc": "http://127.0.0.1:4317", "http": "http://127.0.0.1:4318/v1/traces"}[transport]
        module.OTLPSpanExporter(endpoint=endpoint).shutdown()

    return run


def main():
    report["versions"] = versions()
    report["system"] = system()
    gunicorn_run = start_gunicorn_check_config() if has("gunicorn.conf.py") else None
    if has("gunicorn.conf.py"):
        check(f"{origin('gunicorn.conf.py')}: gunicorn reads it, loads its worker class, binds the port, logs at the level", gunicorn_config)
    if has("health.py"):
        check(f"{origin('health.py')}: /healthz 200, /readyz 200 with a working database and 503 with a failing one", health_router)
    if has("logging_config.py", "request_logging_middleware.py"):
        exception = "a logged exception shows no local variable" if FILES["logging_config.py"]["fromSheet"] else "a logged exception keeps its traceback and shows no local variable"
        check(f"{origin('logging_config.py')} + {origin('request_logging_middleware.py')}: one JSON line per event with level, timestamp and the request id; {exception}", structured_logs)
    if has("sentry_setup.py"):
        check(f"{origin('sentry_setup.py')}: before_send keeps an event (custom transport, no network)", sentry_before_send)
    if has("otel_setup.py"):
        note(f"{origin('otel_setup.py')}: parse only: it imports the gRPC exporter, which Debian's grpcio cannot construct (see the probes), and SQLAlchemyInstrumentor, which Debian does not package")
        with warnings.catch_warnings():
            # The gRPC stubs warn at import that grpcio is older than they were generated for.
            warnings.simplefilter("ignore", RuntimeWarning)
            check("OTLPSpanExporter over gRPC constructs", otlp_exporter("grpc"), into="probes", package="opentelemetry-exporter-otlp-proto-grpc")
        check("OTLPSpanExporter over HTTP constructs", otlp_exporter("http"), into="probes", package="opentelemetry-exporter-otlp-proto-http")
    if gunicorn_run:
        command, process = gunicorn_run
        started = time.perf_counter()
        output, _ = process.communicate()
        report["checks"].append({
            "name": f"{origin('gunicorn.conf.py')}: {' '.join(['gunicorn', *command[3:]])} exits 0",
            "ok": process.returncode == 0,
            "detail": output.strip(),
            "seconds": round(time.perf_counter() - started, 2),
        })
    print(json.dumps(report))


main()
