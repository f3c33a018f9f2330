#!/usr/bin/env bash
# Builds the production image (Dockerfile) with podman or docker, whichever has a working engine.
# IMAGE overrides the tag (default ltv-procesverkenner:<version from pyproject.toml>).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
image="${IMAGE:-ltv-procesverkenner:${version}}"
for engine in podman docker; do
  command -v "$engine" >/dev/null 2>&1 || continue
  if "$engine" info >/dev/null 2>&1; then
    echo "Building $image with $engine"
    exec "$engine" build --pull=missing -t "$image" .
  fi
  echo "$engine is installed but its engine does not answer ('$engine info' fails)." >&2
done
echo "No working container engine: install podman (Debian: apt-get install podman) or start Docker, then run make image." >&2
echo "The build pulls debian:12-slim from a registry and Python packages from PyPI." >&2
exit 1
