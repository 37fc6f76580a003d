# The verifier service: gunicorn on 0.0.0.0:8000, SQLite on the volume /data (or PostgreSQL:
# -e VERIFIER_DATABASE=postgresql://...; see compose.postgres.yaml), non-root.
#
#   DOCKER_BUILDKIT=1 docker build -t verifier .
#   docker run -d -p 127.0.0.1:8000:8000 -v verifier_data:/data --env-file .env verifier
#
# Behind a TLS-intercepting proxy, hand pip the host's CA bundle as a BuildKit secret (it is
# mounted for the pip steps only and never stored in a layer):
#   DOCKER_BUILDKIT=1 docker build --secret id=ca,src=/etc/ssl/certs/ca-certificates.crt -t verifier .
#
# BASE_IMAGE must provide python3 (>= 3.11) with its venv module: the official slim image, or
# a Debian rootfs with python3-venv (see .ci/docker-test).
ARG BASE_IMAGE=python:3.12-slim

# ---------------------------------------------------------------------------------------------
# Requirements, read from pyproject.toml: the dependencies and the postgres extra (one image
# serves a SQLite volume or a PostgreSQL URL). Only the files this stage writes feed the
# stages below, and BuildKit caches a COPY by content: editing pyproject.toml without changing
# the dependencies (version, test extra, tool settings) leaves the dependency layer cached.
FROM ${BASE_IMAGE} AS requirements
WORKDIR /src
COPY pyproject.toml ./
RUN python3 -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb")); \
open("requirements.txt", "w").write("\n".join(p["project"]["dependencies"] \
    + p["project"]["optional-dependencies"]["postgres"]) + "\n"); \
open("build-requirements.txt", "w").write("\n".join(p["build-system"]["requires"]) + "\n")'

# ---------------------------------------------------------------------------------------------
# The runtime dependencies in a virtual environment at /opt/venv; this layer changes only when
# the dependency list does. pip (and the setuptools an older venv seeds) is removed at the
# end: the image runs the app and installs nothing; the app's wheel goes in with the builder's
# pip (last stage).
FROM ${BASE_IMAGE} AS deps
COPY --from=requirements /src/requirements.txt /tmp/requirements.txt
RUN --mount=type=secret,id=ca,required=false \
    if [ -s /run/secrets/ca ]; then \
        export PIP_CERT=/run/secrets/ca SSL_CERT_FILE=/run/secrets/ca REQUESTS_CA_BUNDLE=/run/secrets/ca; \
    fi \
    && python3 -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check -r /tmp/requirements.txt \
    && /opt/venv/bin/pip uninstall --yes --quiet setuptools pip \
    && rm /tmp/requirements.txt

# ---------------------------------------------------------------------------------------------
# The app's own wheel (code, seeds and reviewed claims). The build backend is installed before
# the source is copied, so a code-only change reruns just the wheel build: no network, seconds.
FROM ${BASE_IMAGE} AS wheel
WORKDIR /src
COPY --from=requirements /src/build-requirements.txt /tmp/build-requirements.txt
RUN --mount=type=secret,id=ca,required=false \
    if [ -s /run/secrets/ca ]; then \
        export PIP_CERT=/run/secrets/ca SSL_CERT_FILE=/run/secrets/ca REQUESTS_CA_BUNDLE=/run/secrets/ca; \
    fi \
    && python3 -m venv /opt/build \
    && /opt/build/bin/pip install --no-cache-dir --disable-pip-version-check -r /tmp/build-requirements.txt
COPY pyproject.toml README.md ./
COPY seeds seeds
COPY claims claims
COPY verifier verifier
RUN /opt/build/bin/pip wheel --no-cache-dir --disable-pip-version-check \
        --no-deps --no-build-isolation --wheel-dir /dist .

# ---------------------------------------------------------------------------------------------
FROM ${BASE_IMAGE}
# A fixed numeric uid, so orchestrators can check runAsNonRoot and bind mounts can be chowned.
# Its home (where gunicorn puts its control socket) is not /data: the volume holds data only.
RUN groupadd --gid 10001 verifier \
    && useradd --uid 10001 --gid verifier --no-log-init --create-home --home-dir /home/verifier \
        --shell /usr/sbin/nologin verifier \
    && mkdir /data \
    && chown verifier:verifier /data
COPY --from=deps /opt/venv /opt/venv
# The builder's pip installs into /opt/venv (--python), so no pip ships in the image.
RUN --mount=type=bind,from=wheel,source=/dist,target=/dist \
    --mount=type=bind,from=wheel,source=/opt/build,target=/opt/build \
    /opt/build/bin/pip --python /opt/venv/bin/python install --no-cache-dir \
        --disable-pip-version-check --no-index --no-deps /dist/*.whl

# Every VERIFIER_* setting can be set with -e or an env file; these are the image's defaults.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    VERIFIER_DATABASE=/data/verifier.db \
    VERIFIER_WORKERS=2 \
    VERIFIER_LOG_LEVEL=INFO

USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000

# No curl in the image: python's urllib, told to ignore any HTTP(S)_PROXY set for the app.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python3", "-c", "import urllib.request as u; u.build_opener(u.ProxyHandler({})).open('http://127.0.0.1:8000/health', timeout=4)"]

# `verifier serve` creates and seeds the database on first start. Exec form, no shell:
# gunicorn's arbiter is PID 1 and stops gracefully on SIGTERM. Workers: $VERIFIER_WORKERS.
CMD ["verifier", "serve", "--host", "0.0.0.0", "--port", "8000"]

# Last, so that new values re-run no step above. VERSION must match pyproject.toml
# (.ci/docker-test checks it); SOURCE and REVISION are passed by whoever builds.
ARG VERSION=0.1.0
ARG SOURCE=""
ARG REVISION=""
LABEL org.opencontainers.image.title="verifier" \
      org.opencontainers.image.description="Fact-checking claim verifier for newsrooms" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="MIT"
