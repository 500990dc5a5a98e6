# Stand-in for the reader's database module, as the hardened health.py imports it
# (`from app.db import engine`): a real SQLAlchemy AsyncEngine on an in-memory SQLite database
# (Debian's python3-sqlalchemy and python3-aiosqlite). NullPool: no connection outlives its event loop.
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

WORKING_URL = "sqlite+aiosqlite://"
# A file in a folder that does not exist: every connection attempt fails.
FAILING_URL = "sqlite+aiosqlite:////nonexistent-folder/smoke.db"

engine = create_async_engine(WORKING_URL, poolclass=NullPool)
