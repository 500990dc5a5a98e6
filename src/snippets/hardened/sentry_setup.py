import sentry_sdk

from app.config import settings

# Header, cookie and body fields whose values never leave the service.
SENSITIVE = {
    "authorization", "cookie", "set-cookie", "x-api-key", "password", "token", "secret",
}

def scrub_pii(event, hint):
    request = event.get("request") or {}
    for part in ("headers", "cookies", "data"):
        fields = request.get(part)
        if isinstance(fields, dict):
            for key in fields:
                if key.lower() in SENSITIVE:
                    fields[key] = "[Filtered]"
    # before_send must return the event: returning None drops it.
    return event

sentry_sdk.init(
    dsn=settings.sentry_dsn,
    environment=settings.environment,
    release=settings.release_version,
    # Remove it where OpenTelemetry traces requests: at 0, requests that arrive sampled
    # are still recorded.
    traces_sample_rate=0.1,
    # The FastAPI and SQLAlchemy integrations turn on by themselves: list them only to
    # pass options.
    send_default_pii=False,
    before_send=scrub_pii,
)
