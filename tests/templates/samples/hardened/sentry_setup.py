# SAMPLE for the tests only, written to the hardened contract; the real file will be src/snippets/hardened/sentry_setup.py.
import sentry_sdk
from sentry_sdk.integrations.fastapi import FastApiIntegration
from sentry_sdk.integrations.sqlalchemy import SqlalchemyIntegration

from app.config import settings

SENSITIVE_HEADERS = {"authorization", "cookie", "x-api-key"}


def scrub_pii(event, hint):
    headers = event.get("request", {}).get("headers", {})
    for name in list(headers):
        if name.lower() in SENSITIVE_HEADERS:
            headers[name] = "[Filtered]"
    return event


sentry_sdk.init(
    dsn=settings.sentry_dsn,
    environment=settings.environment,
    release=settings.release_version,
    traces_sample_rate=0.1,
    send_default_pii=False,
    integrations=[FastApiIntegration(), SqlalchemyIntegration()],
    before_send=scrub_pii,
)
