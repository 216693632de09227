import { describe, expect, it } from 'vitest';
import { deferralRule } from '../../../src/agenda/rules/deferral.js';
import { envOf, message, titles } from '../extract-helpers.js';

describe('rule 4: deferrals in notes of a past call', () => {
  it('seeds items the notes carry over, marked carriedOver', () => {
    const c = deferralRule(
      envOf(
        message({
          subject: 'Notes from the MirageOS call 2025-01-08',
          bodyText:
            'Agenda:\n1. Irmin - done\n2. Solo5 release - carried over to the next call\n3. Website redesign (on the agenda for the next call)\n',
        }),
      ),
    );
    expect(titles(c)).toEqual(['Solo5 release', 'Website redesign']);
    expect(c.every((x) => x.rule === 'deferral' && x.carriedOver === true)).toBe(true);
  });

  it('takes the agenda the notes set for the next call, one item a paragraph or a list, not the routine', () => {
    // OLPC's feature roadmap meeting, minutes of 2008-11-19.
    const body =
      'Next meeting Wed. November 26, 2PM US ET IRC\n\nAgenda for next week:\n\n10 minutes - XO Camp status and updates.\n\n' +
      '15 minutes - Trac usage conventions for 9.1. Choosing and defining which\nfields we will use for tracking target bugs and features.\n\n' +
      '5 minutes - Set agenda for next week and review action items\n\n\nGreg S\n';
    const c = deferralRule(envOf(message({ subject: 'Meeting minutes', bodyText: body })));
    expect(titles(c)).toEqual(['XO Camp status and updates', 'Trac usage conventions for 9.1']);
    expect(c.map((x) => x.durationMinutes)).toEqual([10, 15]);
    const listed = 'Agenda for the next meeting:\n\n- Solo5 release\n- Website redesign\n';
    expect(titles(deferralRule(envOf(message({ subject: 'Meeting minutes', bodyText: listed }))))).toEqual([
      'Solo5 release',
      'Website redesign',
    ]);
  });

  it('takes the item a bare "not reached" note sits under', () => {
    expect(
      titles(deferralRule(envOf(message({ subject: 'Meeting minutes', bodyText: '- Website redesign\n   - not reached today\n' })))),
    ).toEqual(['Website redesign']);
  });

  it('takes no item from an aside that something was "not discussed" (OpenBMC 2023)', () => {
    const body =
      'TOPICS:\n\n1 Service access to the BMC.\n\n[Although not discussed, I presume at most 1 access token at a time is\nallowed.]\n';
    expect(deferralRule(envOf(message({ subject: 'Meeting minutes', bodyText: body })))).toEqual([]);
  });

  it('reads "we keep this open" in a recap as a carry-over of its point', () => {
    const body =
      'MoM:\n\n- kirk is stable\n- metadata for old tests: Cyril suggests a manual process. We keep this open and\nneed to figure out what to do.\n';
    const c = deferralRule(envOf(message({ subject: 'Re: Open MirageOS call', bodyText: body })));
    expect(titles(c)).toEqual(['Metadata for old tests: Cyril suggests a manual process']);
  });

  it('takes the item a verdict "Add to the agenda for next time" answers', () => {
    const body =
      'Bonus topics:\n4. Interested in improving the interface overview\ndocumentation?\n\nANSWER: Yes, this is worthwhile.  Add to the agenda for next time.\n\n5. OpenSSL release.\n';
    expect(
      titles(deferralRule(envOf(message({ subject: 'Security WG meeting - results', bodyText: body, listId: 'wg.example.org' })))),
    ).toEqual(['Interested in improving the interface overview']);
  });

  it('reads "in the next meeting, we will discuss X" across wrapped lines', () => {
    const c = deferralRule(
      envOf(
        message({
          subject: 'GUI WG - Notes',
          listId: 'wg.example.org',
          bodyText: 'Intel wants new icons. In the next meeting, we will discuss if these are\nmerged upstream or downstream.\n',
        }),
      ),
    );
    expect(c).toEqual([expect.objectContaining({ title: 'If these are merged upstream or downstream', meetingId: 'gui-wg' })]);
  });

  it('only reads minutes: a proposal mentioning "carried over" is not a deferral', () => {
    expect(deferralRule(envOf(message({ subject: 'Solo5 release', bodyText: 'This was carried over twice already.' })))).toEqual([]);
  });

  it('reads an item deferred to the next call named by its kind', () => {
    // The Airflow dev call's notes (2026): "deferred to the next dev call".
    const body = 'Summary:\n- AIP-103 Task State Management is deferred to the next MirageOS call\n';
    expect(titles(deferralRule(envOf(message({ subject: 'Meeting minutes', bodyText: body }))))).toEqual(['AIP-103 Task State Management']);
  });
});
