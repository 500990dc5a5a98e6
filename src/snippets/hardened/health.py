import asyncio, logging

from fastapi import APIRouter, status
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.db import engine

router = APIRouter(tags=["health"])
logger = logging.getLogger(__name__)

@router.get("/healthz")
async def liveness():
    # The process only: a database outage must not make Kubernetes restart every pod.
    return {"status": "alive"}

async def ping_database():
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))

@router.get("/readyz")
async def readiness():
    checks = {}
    try:
        # A hung database fails the check after 2 s instead of holding the probe open
        # (wait_for, not asyncio.timeout, which needs Python 3.11).
        await asyncio.wait_for(ping_database(), timeout=2)
        checks["db"] = "ok"
    except Exception:
        # The reason goes to the logs, not to an unauthenticated endpoint: it can name
        # hosts and users.
        logger.exception("readiness check failed: db")
        checks["db"] = "failed"

    healthy = all(v == "ok" for v in checks.values())
    return JSONResponse(
        content={"status": "ready" if healthy else "degraded", "checks": checks},
        status_code=status.HTTP_200_OK if healthy else status.HTTP_503_SERVICE_UNAVAILABLE,
    )
