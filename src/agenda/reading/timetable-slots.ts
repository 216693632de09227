/**
 * A timetable slot whose topics are the list under it, not a topic of its own (the media
 * mini-summits' agendas): a presenter's name ("9:25-10:00: Steve Cho:", "9:10 Mauro Carvalho
 * Chehab", "10:30 Ricardo Ribalda Delgado, Sylwester Nawrocki") or an umbrella ("16:00-17:00
 * Update on ongoing projects (Hans):").
 */
import { regex } from '../extract/patterns.js';
import { listAt } from './text.js';

const PRESENTER_ONLY = /^(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2}):$/u;
const PERSON = String.raw`\p{Lu}[\p{Ll}'’-]+(?:\s+(?:de|van|von|der|den|da|di|del|du|dos|le|la))*(?:\s+\p{Lu}[\p{Ll}'’.-]*){1,3}`;
// "Ricardo Ribalda Delgado, Sylwester Nawrocki", "Jiri Pirko / Jacob Keller".
export const PEOPLE_ONLY = new RegExp(String.raw`^(${PERSON}(?:\s*(?:,|&|/|\band\b)\s*${PERSON})*)$`, 'u');

// "16:00-17:00 Update on ongoing projects (Hans):" over "- work on colorspace improvements" (media
// mini-summit 2015): a slot that gathers several topics, each a bullet under it, by the one named.
const UMBRELLA = regex(
  'i',
  String.raw`^(?:(?:short\s+|quick\s+)?(?:status\s+)?updates?\s+(?:on|from|about)\s+`,
  String.raw`(?:(?:the|our|my|various|several|other|ongoing|current|recent)\s+)+(?:projects?|work|activities|topics|items|efforts)|`,
  String.raw`(?:misc(?:ellaneous)?|various|other)\s+(?:topics|items|updates|projects))\s*`,
  String.raw`(?:\(([^()]+)\))?\s*:$`,
);

/**
 * A slot whose topics are the list under it: a presenter's name ("Steve Cho:", "Mauro Carvalho
 * Chehab") or an umbrella ("Update on ongoing projects (Hans):"). Who presents them ('' when no
 * one is named), or null when the slot is a topic of its own.
 */
export function slotOverList(lines: readonly string[], i: number, text: string): string | null {
  const named = PRESENTER_ONLY.exec(text) ?? namesOverList(lines, i, text);
  if (named) return named[1]!;
  const umbrella = UMBRELLA.exec(text);
  return umbrella && listAt(lines, i + 1).items.length > 0 ? (umbrella[1] ?? '') : null;
}

/** A line that names only its presenters ("Ricardo Ribalda Delgado, Sylwester Nawrocki") over a list of topics. */
function namesOverList(lines: readonly string[], i: number, text: string): RegExpExecArray | null {
  const names = PEOPLE_ONLY.exec(text);
  return names && listAt(lines, i + 1).items.length > 0 ? names : null;
}
