# syntax=docker/dockerfile:1
# LTV Procesverkenner: production image (see README, section Deploy).
#   docker build -t ltv-procesverkenner .            (or: make image; podman works the same)
#   docker run -p 8501:8501 -e LTV_DATABASE_URL=postgresql://… ltv-procesverkenner
# Another content folder: -v /srv/leidraad:/content:ro -e LTV_CONTENT=/content
# Without LTV_DATABASE_URL the live rooms use SQLite in /data (mount a volume there to keep them).

ARG DEBIAN_IMAGE=debian:12-slim

# --- build: a virtual environment with the app's Python packages -------------------------------------
FROM ${DEBIAN_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-venv \
 && rm -rf /var/lib/apt/lists/*
RUN python3 -m venv /opt/venv
WORKDIR /src
COPY pyproject.toml README.md ./
COPY leidraad leidraad
RUN /opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check . \
 && /opt/venv/bin/python -c "import leidraad, streamlit, psycopg"

# --- runtime: Debian's Python, Graphviz and fonts; no compiler, no pip cache, not root ---------------
FROM ${DEBIAN_IMAGE} AS runtime
# The same Debian packages `make run` installs (the Makefile's RUN_PACKAGES; a test keeps them equal).
ARG RUN_PACKAGES="graphviz fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libcairo2"
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 ${RUN_PACKAGES} \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/ltv --shell /usr/sbin/nologin ltv \
 && mkdir /data && chown 10001:10001 /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY app.py serve.py ./
COPY .streamlit .streamlit
COPY components components
COPY views views
# The content is baked in; mount another folder and point LTV_CONTENT at it to serve that instead.
COPY processes processes
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    LTV_CONTENT=/app/processes \
    LTV_DATA_DIR=/data \
    LTV_ADDRESS=0.0.0.0 \
    LTV_PORT=8501
USER 10001:10001
EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['LTV_PORT'] + '/healthz', timeout=4)"]
CMD ["python", "serve.py"]
