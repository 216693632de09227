#!/usr/bin/env bash
# The demo (npm run demo): the real daemon path on a bundled slice of real list mail.
#   1. 3 December 2025, 09:00 Tokyo: a daemon pass imports the slice (389 messages of the ksummit
#      list), extracts the proposed topics, and sends the call for agenda items (to data/outbox).
#   2. The chair accepts three topics, in an order of their choosing.
#   3. 9 December, 09:00 Tokyo, the day before the summit: a daemon pass sends the chair's
#      reminder (late: it was due the day before) and the digest with the final agenda.
# Re-running it changes nothing and sends nothing twice.
set -euo pipefail
cd "$(dirname "$0")/../.."
convene() { node dist/bin/main.js --config data/demo/convene.yaml "$@"; }

convene daemon --once --now 2025-12-03T00:00:30Z

# The chair's picks, by title (item numbers depend on extraction order); only items still
# awaiting review are accepted, so a second run is a no-op.
picks=$(convene agenda list --state proposed --json --now 2025-12-05T00:00:00Z | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const want = ["Reaching consensus on CONFIG_HIGHMEM", "The role of AI and LLMs", "Kernel documentation"];
    const items = JSON.parse(s);
    console.log(want.flatMap((w) => items.filter((i) => i.title.startsWith(w)).map((i) => i.id)).join(" "));
  });')
for id in $picks; do convene agenda accept "$id" --as "Ted Ts'o" --now 2025-12-05T00:00:00Z; done

convene daemon --once --now 2025-12-09T00:00:30Z
echo
convene stats
echo
convene agenda show --meeting maintainers-summit --occurrence 2025-12-10 --now 2025-12-09T00:00:30Z
echo
echo "outbox (data/outbox):"
ls data/outbox
