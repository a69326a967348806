#!/usr/bin/env bash
# Installs the Debian packages Interleave needs when they are missing.
# - bubblewrap, python3 (Debian's /usr/bin/python3, 3.11), python3-greenlet: the sandbox.
# - python3-requests, python3-aiohttp: what student programs import for the virtual network
#   (pre-imported by the harness); python3-cryptography makes the sandbox's own certificate
#   authority for https; ca-certificates is the public bundle requests insists on finding.
# - libpython3.11-testsuite: CPython's own asyncio test modules, run inside the sandbox by the
#   integration tests (fidelity and the memory bound).
# - chromium + fonts-wqy-microhei: only for the end-to-end tests (skip with SETUP_SKIP_BROWSER=1);
#   without a CJK font the Chinese UI renders as boxes in screenshots.
# Without root it prints the exact command instead; the app still starts and reports the sandbox as
# unavailable on /api/health until the packages are there.
set -euo pipefail

missing=()
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
[ -x /usr/bin/python3 ] || missing+=(python3)
if [ -x /usr/bin/python3 ] && ! /usr/bin/python3 -c 'import greenlet' >/dev/null 2>&1; then
  missing+=(python3-greenlet)
elif [ ! -x /usr/bin/python3 ]; then
  missing+=(python3-greenlet)
fi
for pkg in python3-requests python3-aiohttp python3-cryptography ca-certificates; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
dpkg -s libpython3.11-testsuite >/dev/null 2>&1 || missing+=(libpython3.11-testsuite)
if [ "${SETUP_SKIP_BROWSER:-0}" != "1" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "All system packages present."
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Missing system packages: ${missing[*]}"
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  echo "(Interleave still starts; code runs fail with status sandbox_error until they are installed.)"
fi
