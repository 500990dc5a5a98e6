# SAMPLE for the tests only, written to the hardened contract; the real file will be src/snippets/hardened/health.py.
import asyncio

from fastapi import APIRouter, status
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.db import engine

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def liveness():
    return {"status": "alive"}


@router.get("/readyz")
async def readiness():
    try:
        async with asyncio.timeout(2):
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
    except Exception as error:
        return JSONResponse(
            {"status": "degraded", "checks": {"db": type(error).__name__}},
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
    return {"status": "ready", "checks": {"db": "ok"}}
