#!/usr/bin/env bash
# The demo (npm run demo): the real daemon path on a bundled slice of real list mail, told step by
# step in plain lines. `--json` shows the programs' view instead: the daemon's JSON log lines and
# each command's --json output. Re-running it changes nothing and sends nothing twice.
# CONVENE_BIN names the bin to run (default: dist/bin/main.js of this checkout).
set -euo pipefail
cd "$(dirname "$0")/../.."
json=0
[ "${1:-}" = "--json" ] && json=1
bin="${CONVENE_BIN:-dist/bin/main.js}"
convene() { node "$bin" --config data/demo/convene.yaml "$@"; }
bold=''
plain=''
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then bold=$'\e[1m' plain=$'\e[0m'; fi
say() {
  printf '\n%s%s%s\n' "$bold" "$1" "$plain"
  shift
  for line in "$@"; do printf '  %s\n' "$line"; done
  echo
}
# The daemon's log: JSON lines with --json; otherwise kept in data/demo-daemon.log.
pass() {
  if [ $json = 1 ]; then
    convene daemon --once --now "$1"
  else
    convene daemon --once --now "$1" >>data/demo-daemon.log
    convene status --json --now "$1" | field '"outbox: " + v.outbox.recent.map((r) => r.kind + " " + r.state).reverse().join(", ")'
  fi
}
# One field of the JSON on stdin (a tiny jq).
field() { node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{const f=new Function("v","return ("+process.argv[1]+")");console.log(f(JSON.parse(s)))})' "$1"; }
: >data/demo-daemon.log

say "1. Wednesday 3 December 2025, 09:00 in Tokyo: the daemon's first pass." \
  "It reads the list (389 messages of ksummit, August-September 2025), threads and indexes them," \
  "finds the topics people proposed for the Maintainers Summit of 10 December, and mails the call" \
  "for agenda items. Mail goes to files in data/outbox/, not to SMTP (transport: file)."
pass 2025-12-03T00:00:30Z
if [ $json = 1 ]; then convene stats --json; else convene stats; fi

say "2. Search the archive: the proposals tagged [TECH TOPIC], newest first." \
  "The query language is notmuch's: words, \"phrases\", from:, subject:, date:, AND/OR/NOT (convene help search)."
if [ $json = 1 ]; then convene search 'subject:"TECH TOPIC"' --limit 3 --json; else convene search 'subject:"TECH TOPIC"' --limit 3 2>/dev/null; fi

thread=$(convene search 'subject:"TECH TOPIC"' --threads --json | field 'v.find((t) => t.total >= 3 && t.total <= 8).threadId')
say "3. One thread, as a tree: who answered whom (convene thread $thread)."
if [ $json = 1 ]; then convene thread "$thread" --json; else convene thread "$thread"; fi

say "4. The chair reviews the proposals and accepts three, in the order they want." \
  "(convene agenda accept ITEM...; the interactive convene agenda review does the same on a terminal)"
# Picked by title: item numbers depend on extraction order. Only items still awaiting review are
# accepted, so a second run is a no-op.
picks=$(convene agenda list --state proposed --json --now 2025-12-05T00:00:00Z | field '
  ["Reaching consensus on CONFIG_HIGHMEM", "The role of AI and LLMs", "Kernel documentation"]
    .flatMap((w) => v.filter((i) => i.title.startsWith(w)).map((i) => i.id)).join(" ")')
if [ -n "$picks" ]; then
  # shellcheck disable=SC2086
  convene agenda accept $picks --as "Ted Ts'o" --now 2025-12-05T00:00:00Z >/dev/null 2>&1
fi
if [ $json = 1 ]; then
  convene agenda show --meeting maintainers-summit --occurrence 2025-12-10 --now 2025-12-05T00:00:00Z --json
else
  convene agenda show --meeting maintainers-summit --occurrence 2025-12-10 --now 2025-12-05T00:00:00Z
fi

say "5. Tuesday 9 December, 09:00 in Tokyo, the day before: the daemon's next pass." \
  "It sends the chair's reminder (late: it was due the day before) and the digest with the final agenda."
pass 2025-12-09T00:00:30Z

say "6. The digest as subscribers read it (its text part; an HTML part and a calendar entry come with it):"
if [ $json = 1 ]; then
  convene digest preview --meeting maintainers-summit --occurrence 2025-12-10 --now 2025-12-09T00:00:30Z --json
else
  convene digest preview --meeting maintainers-summit --occurrence 2025-12-10 --now 2025-12-09T00:00:30Z
fi

say "7. What went out, in data/outbox/ (run the demo again: nothing is sent twice):"
ls data/outbox | grep -v '^notes$' | sed 's/^/  /'
if [ $json = 0 ]; then
  echo
  echo "The daemon's own log of both passes is in data/demo-daemon.log; npm run demo -- --json shows the JSON."
fi
