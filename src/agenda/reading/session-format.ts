/**
 * The kinds of session a call for papers asks for ("Refereed Presentations: 45 minutes in length",
 * "Short Topics", "Tutorials *NEW for 2019*", "BoF Sessions": the Linux Security Summit's calls,
 * 2019-2025). A call lists them beside its topic areas; they say how a slot is used, not what it is about.
 */
import { regex } from '../extract/patterns.js';

// Only format words before the colon; after it at most a length ("45 minutes in length").
const FORMAT = regex(
  'iu',
  String.raw`^(?:(?:refereed|invited|short|long|lightning|panel|discussions?|topics?|presentations?|talks?|tutorials?|`,
  String.raw`bofs?|birds|of|a|feather|sessions?|workshops?|posters?|demos?|keynotes?|hands-on|labs?|and|or|\/|,)\s*)+`,
  String.raw`(?:\*new\b[^*]*\*|\(new\b[^)]*\))?\s*(?:[:.-]\s*)?(?:\d+\s*(?:min(?:ute)?s?|hours?)\b.*)?$`,
);

/** True when the item names a kind of session only, with at most its length. */
export function namesSessionFormat(item: string): boolean {
  return FORMAT.test(item.trim());
}
