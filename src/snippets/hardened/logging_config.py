# app/logging_config.py
import structlog, logging, sys


def drop_color_message(_, __, event_dict):
    # Uvicorn passes an ANSI-coloured copy of some messages as an extra: not for JSON.
    event_dict.pop("color_message", None)
    return event_dict


def setup_logging(json_logs: bool = True, log_level: str = "INFO"):
    # Applied to structlog's events and, as foreign_pre_chain, to standard-library
    # records of the app's process (uvicorn, SQLAlchemy, any library): each line gets a
    # level, a time, a logger name and the request's context.
    shared_processors = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.ExtraAdder(),
        drop_color_message,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.processors.StackInfoRenderer(),
        structlog.processors.UnicodeDecoder(),
    ]

    renderer = (
        structlog.processors.JSONRenderer()
        if json_logs
        else structlog.dev.ConsoleRenderer()
    )
    # JSON logs need the exception as data, without the frames' local variables (they
    # can hold passwords and tokens); the console renderer, for development, prints it.
    exceptions = (
        [structlog.processors.ExceptionRenderer(
            structlog.tracebacks.ExceptionDictTransformer(show_locals=False))]
        if json_logs else []
    )

    structlog.configure(
        processors=[*shared_processors, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )

    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared_processors,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            *exceptions,
            renderer,
        ],
    )

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers.clear()
    root.addHandler(handler)
    root.setLevel(log_level.upper())

    # uvicorn's loggers bring handlers of their own (under Gunicorn, the very list that
    # gunicorn.error logs through): unbind them, never clear that list, and send their
    # records here. (With preload_app = False this runs in each worker, after the worker
    # class has pointed uvicorn's loggers at Gunicorn's handlers.)
    for name in ("uvicorn", "uvicorn.error"):
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers = []
        uvicorn_logger.propagate = True
    # No access lines: the middleware logs request_completed for every request.
    logging.getLogger("uvicorn.access").disabled = True
