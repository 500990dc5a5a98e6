# Run production locally
gunicorn app.main:app -c gunicorn.conf.py

# Profile a running process
py-spy top --pid $(pgrep -f uvicorn)

# Memory snapshot
python -c "import tracemalloc; tracemalloc.start(); exec(open('check.py').read()); print(tracemalloc.get_traced_memory())"

# Check Docker image size
docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}" | grep my-service

# Kubernetes rollout
kubectl rollout status deployment/fastapi-service
kubectl rollout undo deployment/fastapi-service  # rollback
