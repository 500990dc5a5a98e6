# Stand-in for the reader's settings, as the hardened sentry_setup.py imports them
# (`from app.config import settings`). The DSN is never reached: the smoke run swaps the transport.
class Settings:
    sentry_dsn = "https://public@sentry.example.invalid/1"
    environment = "smoke"
    release_version = "smoke-release"


settings = Settings()
