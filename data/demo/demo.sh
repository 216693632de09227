#!/usr/bin/env bash
# The demo (npm run demo): the real daemon path on a bundled slice of real list mail.
#   1. 3 December 2025, 09:00 Tokyo: a daemon pass imports the slice (389 messages of the ksummit
#      list), extracts the proposed topics, sends the call for agenda items to the list and the
#      chair's copy of it (to data/outbox).
#   2. 8 December, 09:00 Tokyo, two days before: the chair's reminder, the topics numbered.
#   3. The chair answers by mail: "accept 9 3 6" in a reply to the reminder. The mail server
#      delivers it (here `convene import` plays that part); the next pass reads it, applies it as
#      the chair's own review, and answers with a confirmation.
#   4. 9 December, 09:00 Tokyo, the day before the summit: the digest with that agenda.
# Re-running it changes nothing and sends nothing twice (the reply is read once).
set -euo pipefail
cd "$(dirname "$0")/../.."
convene() { node dist/bin/main.js --config data/demo/convene.yaml "$@"; }

convene daemon --once --now 2025-12-03T00:00:30Z
convene daemon --once --now 2025-12-08T00:00:30Z

echo
node data/demo/chair-reply.mjs data/outbox/chair-reply.mbox \
  "Reaching consensus on CONFIG_HIGHMEM" "The role of AI and LLMs" "Kernel documentation"
convene import data/outbox/chair-reply.mbox > /dev/null
convene daemon --once --now 2025-12-08T01:00:00Z
echo
echo "convene's answer to the chair:"
node -e '
  const { readdirSync, readFileSync } = require("node:fs");
  const f = readdirSync("data/outbox").find((n) => n.startsWith("convene.review-confirmation.") && n.endsWith(".eml"));
  import("mailparser").then(async ({ simpleParser }) => {
    const p = await simpleParser(readFileSync("data/outbox/" + f));
    console.log("  Subject: " + p.subject);
    console.log(p.text.split("\n").slice(0, 14).map((l) => "  | " + l).join("\n"));
  });'

convene daemon --once --now 2025-12-09T00:00:30Z
echo
convene stats
echo
convene agenda show --meeting maintainers-summit --occurrence 2025-12-10 --now 2025-12-09T00:00:30Z
echo
convene agenda log --meeting maintainers-summit | tail -n 3
echo
echo "outbox (data/outbox):"
ls data/outbox
