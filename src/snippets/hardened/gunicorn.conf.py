# gunicorn.conf.py
import os

bind = f"0.0.0.0:{os.getenv('PORT', '8000')}"
# Not cpu_count(): it counts the node's cores, not the container's CPU limit. The
# default is the workers page's Kubernetes row (1-2 per pod, scale with replicas); set
# WEB_CONCURRENCY from the pod's CPU limit, or to the cores on a VM (async: one per core).
workers = int(os.getenv("WEB_CONCURRENCY", "2"))
# uvicorn.workers is deprecated since uvicorn 0.30: use the uvicorn-worker package.
worker_class = "uvicorn_worker.UvicornWorker"
# For async workers a heartbeat deadline, not a limit on how long a request may take:
# gunicorn's default. Bound request time in the app or at the proxy.
timeout = 30
graceful_timeout = 30
# Longer than the load balancer's idle timeout (60 s on an AWS ALB), or it reuses a
# connection gunicorn has just closed and answers 502.
keepalive = 75
max_requests = 1000
max_requests_jitter = 100
# Off: preloading imports the app once in the master and forks it, so every worker
# would share its database pool and OpenTelemetry's export thread, neither of which
# survives a fork. Each worker imports the app itself (costs memory, not correctness).
preload_app = False
# No access log: the middleware logs request_completed as JSON, with the request id.
accesslog = None
errorlog = "-"
loglevel = os.getenv("LOG_LEVEL", "info")
