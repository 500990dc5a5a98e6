import re, time, uuid, structlog

logger = structlog.get_logger()

# A client's request id is used only if it is short and plain, so it cannot forge log
# lines or bloat every log line and response.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")

class RequestLoggingMiddleware:
    # Pure ASGI, not BaseHTTPMiddleware: context bound in the endpoint reaches
    # request_completed, and streaming responses are not buffered.
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if REQUEST_ID.fullmatch(incoming) else str(uuid.uuid4())
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(
            request_id=request_id, method=scope["method"], path=scope["path"],
        )
        # What the client gets if the app raises before it starts a response.
        status_code = 500

        async def send_with_request_id(message):
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
                echoed = (b"x-request-id", request_id.encode("latin-1"))
                message = {**message, "headers": [*message.get("headers", []), echoed]}
            await send(message)

        start = time.perf_counter()
        logger.info("request_started")
        try:
            await self.app(scope, receive, send_with_request_id)
        finally:
            # Logged even when the app raises, with how long the request took.
            logger.info(
                "request_completed",
                status_code=status_code,
                duration_ms=round((time.perf_counter() - start) * 1000, 2),
            )
