# Run production locally
gunicorn app.main:app -c gunicorn.conf.py

# Profile a running process: gunicorn's master (the oldest match) and its workers.
# Run them where py-spy and pgrep exist (the slim image has neither): on the host, or in
# a debug container sharing the pod's processes (kubectl debug --target), with SYS_PTRACE.
py-spy top --pid "$(pgrep -o -f gunicorn)" --subprocesses
py-spy dump --pid "$(pgrep -o -f gunicorn)" --subprocesses  # every thread's stack, now
py-spy record -o profile.svg --duration 30 --pid "$(pgrep -o -f gunicorn)" --subprocesses

# Memory of the running workers (RSS in KiB), not of a new process
ps -o pid,rss,args --ppid "$(pgrep -o -f gunicorn)"

# Check Docker image size
docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}" | grep my-service

# Kubernetes rollout
kubectl rollout status deployment/fastapi-service --timeout=5m
kubectl rollout history deployment/fastapi-service
kubectl rollout undo deployment/fastapi-service --to-revision=2  # rollback to a listed one
kubectl rollout restart deployment/fastapi-service  # new pods, same image
