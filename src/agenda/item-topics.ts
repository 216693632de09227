/**
 * The topics one item of a chair's list stands for. Usually the item itself; but an item that only
 * names people, with their topics as the points under it ("Current responses:" over "- Jiri Pirko /
 * Jacob Keller" and "  + multi PF device with shared resources", netdev 2024, the Driver and H/W APIs
 * Workshop chair's reminder), stands for those points, credited to them; and a section of a
 * recurring call's agenda ("Round-table of completed or ongoing work") for the points under it.
 */
import { listBlocks, type ListItem } from './list-blocks.js';
import { regex } from './patterns.js';
import { listAt } from './text.js';
import { PEOPLE_ONLY } from './timetable-slots.js';

/**
 * The topics a list item stands for: its points, by the people it names; the points of a section
 * ("Round-table of completed or ongoing work", "What are people working on?", "Review of action
 * items" over the work to report on, the Boot-Time SIG 2024), nested as written; or the item itself.
 */
export function itemTopics(item: ListItem, inSection = false): string[] {
  const who = item.text.trim();
  if (item.detail.trim() === '') return [item.text];
  // Within a section, a heading ending in a colon over its points ("patches in flight:") is one
  // too; elsewhere such a heading keeps its points ("Load balancing:" over "wakeup", "periodic").
  if (SECTION.test(who) || (inSection && /:$/.test(who))) {
    const points = listBlocks(item.detail)[0]?.items ?? [];
    const topics = points.filter((p) => !NO_TOPIC.test(p.text.trim())).flatMap((p) => itemTopics(p, true));
    return topics.length ? topics : [item.text];
  }
  if (!PEOPLE_ONLY.test(who)) return [item.text];
  const points = listAt(item.detail.split('\n'), 0).items;
  return points.length ? points.map((p) => `${p} (${who})`) : [item.text];
}

// A section of a recurring call's agenda, not a topic of its own, when points stand under it.
const SECTION = regex(
  'i',
  String.raw`^(?:review\s+of\s+)?(?:(?:the\s+)?round[- ]?table|status\s+updates?|updates|action\s+items|open\s+items|`,
  String.raw`what\s+(?:are\s+)?(?:people|folks|you|we)\s+(?:are\s+)?working\s+on)\b[^:]{0,40}[:?]?$`,
);
// "Anyone else?", "In particular, are there any patches in flight?": the chair's prompts within a section.
const NO_TOPIC = /^(?:anyone|anybody|anything|any\s+other)\b.{0,20}\?$|^in\s+particular\b.*\?$/i;
