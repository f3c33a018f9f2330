#!/usr/bin/env bash
# Installs the Debian packages given as arguments when they are not installed yet.
# Verifies real packages with dpkg (a `dot` somewhere on the PATH is not enough).
# Not root or not Debian: says what is missing and how to install it by hand, and fails.
set -euo pipefail

missing=()
for pkg in "$@"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

manual="sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Missing system packages: ${missing[*]}." >&2
  echo "This is not a Debian-like system: install the equivalents of '${missing[*]}' by hand." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${missing[*]}." >&2
  echo "Installing them needs root. Run:  $manual" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if ! apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  echo "Could not install ${missing[*]} with apt-get; install them by hand: $manual" >&2
  exit 1
fi
