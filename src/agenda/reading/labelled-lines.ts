/**
 * Topics written one to a line behind a label the writer repeats: "*OBJECTIVE*: Clarify the purpose of
 * the #ubuntu-women channel." over two more "*OBJECTIVE*:" lines (Ubuntu Women 2009, the leader's call
 * with the goals set at UDS), "[TOPIC] - MENTORING PROGRAM - Reviving the Mentoring program", or
 * MeetBot's "#topic X" lines that IRC meetings write their agendas in. No list marker makes these a
 * list, the label does; it counts only when two lines or more carry it, so one "Topic: X" line in
 * prose stays prose. A line's wrapped continuation (the next lines up to a blank or the next label)
 * belongs to it.
 */
const LABELLED =
  /^\s*(?:[-*o•]\s+)?(?:[*_]*(objective|goal|topic|agenda\s+item|item|proposal)[*_]*\s*:|(\[topic\]|#topic))\s*[-–:]?\s*(\S.*)$/i;

/** The topics of every labelled line, when a label stands on two lines or more. */
export function labelledLines(text: string): string[] {
  const lines = text.split('\n');
  const found: { label: string; text: string }[] = [];
  let lastEnd = -2;
  for (let i = 0; i < lines.length; i++) {
    const m = LABELLED.exec(lines[i]!);
    // A field of something named above it ("Topic #2: guest_memfd development sync" over "Objective:
    // Identify known issues, ...", PUCK's agendas, 2023): the label must open its paragraph or follow
    // the lines of the label before it.
    const opens = (lines[i - 1]?.trim() ?? '') === '' || lastEnd === i - 1;
    if (!m || !opens) continue;
    let topic = m[3]!.trim();
    // A wrapped line goes on until a blank line, the next label, or a full stop ends the topic.
    for (let j = i + 1; j < lines.length && !/[.!?]$/.test(topic); j++) {
      const next = lines[j]!.trim();
      if (next === '' || LABELLED.test(lines[j]!)) break;
      topic = `${topic} ${next}`;
      i = j;
    }
    found.push({ label: (m[1] ?? m[2]!).toLowerCase().replace(/\s+/g, ' '), text: topic });
    lastEnd = i;
  }
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.label, (counts.get(f.label) ?? 0) + 1);
  return found.filter((f) => (counts.get(f.label) ?? 0) >= 2).map((f) => f.text);
}
