# calsvc: programme feeds served by granian. Sources are the bundled seeds unless a folder is
# mounted and named in CALSVC_SOURCES; the revision store lives on the /data volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PORT=8000 \
    WEB_CONCURRENCY=2 \
    CALSVC_SOURCES=/app/seeds \
    CALSVC_DB=/data/revisions.sqlite3 \
    XDG_DATA_HOME=/data

WORKDIR /app
COPY pyproject.toml README.md /app/
COPY calsvc /app/calsvc
COPY seeds /app/seeds
RUN pip install /app
RUN useradd --system --uid 10001 --home-dir /app calsvc && mkdir -p /data && chown calsvc /data

USER calsvc
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['PORT'], timeout=4)"
CMD ["sh", "-c", "exec calsvc serve --host 0.0.0.0 --port \"$PORT\" --workers \"$WEB_CONCURRENCY\""]
