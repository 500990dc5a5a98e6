import os

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

def setup_otel(app, engine):
    # Call it where the app is created, in each worker (preload_app = False imports the
    # app after the fork): the BatchSpanProcessor's export thread does not survive a
    # fork, and instrument_app must run before the app's first request or lifespan.
    # The deployment's OTEL_SERVICE_NAME and SERVICE_VERSION win over these defaults.
    resource = Resource.create({
        "service.name": os.getenv("OTEL_SERVICE_NAME", "my-service"),
        "service.version": os.getenv("SERVICE_VERSION", "1.0.0"),
    })
    provider = TracerProvider(resource=resource)
    # The collector's address comes from the deployment; without one, export nothing
    # rather than retry localhost:4317 forever.
    endpoint = os.getenv("OTEL_EXPORTER_OTLP_ENDPOINT")
    if endpoint:
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    trace.set_tracer_provider(provider)
    # Probes and scrapes would be most of the traces.
    FastAPIInstrumentor.instrument_app(app, excluded_urls="healthz,readyz,metrics")
    # An AsyncEngine is instrumented through its sync_engine.
    SQLAlchemyInstrumentor().instrument(engine=getattr(engine, "sync_engine", engine))
