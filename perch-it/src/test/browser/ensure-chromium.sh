#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the room management page's browser test.
# Playwright never downloads a browser here: the test drives this one (playwright-core, executablePath).
#   - already installed: does nothing;
#   - otherwise, as root (or through passwordless sudo): apt-get update && apt-get install chromium;
#   - otherwise: fails, naming the package to install.
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium
readonly PACKAGE=chromium

if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi

if [[ "$(id -u)" == 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  printf 'ensure-chromium: %s is missing and this user cannot install it; install the Debian package "%s" (apt-get install %s) and run the tests again\n' \
    "$CHROMIUM" "$PACKAGE" "$PACKAGE" >&2
  exit 1
fi

printf 'ensure-chromium: installing the Debian package "%s" for the browser test\n' "$PACKAGE" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "$PACKAGE"

if [[ ! -x "$CHROMIUM" ]]; then
  printf 'ensure-chromium: the package "%s" installed, but %s is still missing\n' "$PACKAGE" "$CHROMIUM" >&2
  exit 1
fi
