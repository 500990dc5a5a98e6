# STAND-IN for the uvicorn-worker package, which Debian 12 does not have: the hardened
# gunicorn.conf.py names `uvicorn_worker.UvicornWorker`, the worker that package split out of
# uvicorn. This re-exports the worker Debian's python3-uvicorn still ships.
from uvicorn.workers import UvicornWorker

__all__ = ["UvicornWorker"]
