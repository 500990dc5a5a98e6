#!/bin/sh
# Without gunicorn: uvicorn's own process manager, as FastAPI's deployment docs now show it
# (fastapi run --workers runs the same server). On Kubernetes, 1-2 workers per pod.
# Proxy headers count only from FORWARDED_ALLOW_IPS: set it to your proxy's address.
exec uvicorn app.main:app \
    --host 0.0.0.0 \
    --port "${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --proxy-headers \
    --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
    --timeout-keep-alive 75 \
    --timeout-graceful-shutdown 30 \
    --limit-max-requests 1000 \
    --limit-max-requests-jitter 100 \
    --log-level info \
    --no-access-log
