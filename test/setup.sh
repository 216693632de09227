#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine of this kind, then the npm
# packages (skipped when node_modules is current). `npm test` builds dist/ first (pretest): some
# tests spawn the compiled bin. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || need_apt+=(dovecot-imapd)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "test/setup.sh: needs root to install: ${need_apt[*]}" >&2
    exit 1
  fi
  echo "test/setup.sh: installing ${need_apt[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# Dovecot drops privileges to this user for the test mailboxes (see test/helpers/dovecot.ts).
id vmail >/dev/null 2>&1 || useradd -r -M -s /usr/sbin/nologin -u 5000 -U vmail 2>/dev/null || useradd -r -M -s /usr/sbin/nologin -U vmail

# npm ci only when node_modules is not current: a stamp holds the hash of package-lock.json and
# the Node version it was installed for (better-sqlite3 is a native module built per Node ABI).
stamp=node_modules/.convene-setup-stamp
want="$(node -e 'const c=require("node:crypto");process.stdout.write(c.createHash("sha256").update(require("node:fs").readFileSync("package-lock.json")).digest("hex")+" node "+process.version)')"
if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "test/setup.sh: node_modules is current (package-lock.json and Node unchanged): skipping npm ci" >&2
else
  npm ci --no-audit --no-fund
  printf '%s' "$want" > "$stamp"
fi
