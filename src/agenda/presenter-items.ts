/**
 * A list item that only names people, with their topics as the points under it: "Current responses:"
 * over "- Jiri Pirko / Jacob Keller" and "  + multi PF device with shared resources" (netdev 2024,
 * the Driver and H/W APIs Workshop chair's reminder). Each point is a topic, credited to them.
 */
import type { ListItem } from './list-blocks.js';
import { listAt } from './text.js';
import { PEOPLE_ONLY } from './timetable-slots.js';

/** The topics a list item stands for: its points, by the people it names, or the item itself. */
export function itemTopics(item: ListItem): string[] {
  const who = item.text.trim();
  if (item.detail.trim() === '' || !PEOPLE_ONLY.test(who)) return [item.text];
  const points = listAt(item.detail.split('\n'), 0).items;
  return points.length ? points.map((p) => `${p} (${who})`) : [item.text];
}
