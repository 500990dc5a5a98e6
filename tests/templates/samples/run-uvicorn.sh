# SAMPLE for the tests only: a new template the site will serve.
uvicorn app.main:app --host 0.0.0.0 --port 8000 --proxy-headers --forwarded-allow-ips '*'
