import { describe, expect, it } from 'vitest';
import { splitQuotes } from '../../src/mail/quotes.js';

describe("the author's own text and the quote", () => {
  it('drops an attribution line and a snip marker before the quote', () => {
    const body = 'David Hildenbrand (Red Hat) wrote:\n[..]\n> the last meeting this year\n\nHi David,\n\nCan I grab some time?\n';
    expect(splitQuotes(body)).toEqual({ own: 'Hi David,\n\nCan I grab some time?', quoted: 'the last meeting this year' });
    expect(splitQuotes('On Mon, Ann wrote:\n<snip>\n> text\nMine.\n[...]\n')).toEqual({ own: 'Mine.', quoted: 'text' });
  });

  it('says when the author wrote between quoted passages (an inline reply), not above or below a quote', () => {
    const inline = '> 15:00 Subdev hotplug (Laurent).\n\nTo be precise, both plug and unplug.\n\n> 16:00 Update on projects\n';
    expect(splitQuotes(inline).inline).toBe(true);
    expect(splitQuotes('On Mon, Ann wrote:\n> the agenda\n>\n> more\n\nMy topic: X.\n').inline).toBeUndefined();
    expect(splitQuotes('My topic: X.\n\nOn Mon, Ann wrote:\n> the agenda\n').inline).toBeUndefined();
  });

  it('drops an attribution line a mail client wrote in French or German', () => {
    // linux-media 2022-05-18 (Evolution): the no-break space before the colon is the client's.
    const fr = 'Hi Hans,\n\nLe vendredi 06 mai 2022 à 15:20 +0200, Hans Verkuil a écrit\u00a0:\n> Hi all,\n\nMine.\n';
    expect(splitQuotes(fr)).toEqual({ own: 'Hi Hans,\n\n\nMine.', quoted: 'Hi all,' });
    expect(splitQuotes('Am 06.05.22 um 15:20 schrieb Hans Verkuil:\n> Hi all,\nMine.').own).toBe('Mine.');
  });

  it("reads Supercite's citations (Emacs Gnus: 'GK> ...') as the quote", () => {
    // ILUGC 2002: a reply quoting a member by initials, under Gnus's attribution line.
    const body =
      '>>>>> "GK" == Ganesh Kumar <Ganesh> writes:\n\n    GK> I think Dr.Sriram is the right person.\n\nPlease do your own BSD talking.\n';
    expect(splitQuotes(body)).toEqual({
      own: 'Please do your own BSD talking.',
      quoted: 'I think Dr.Sriram is the right person.',
    });
    expect(splitQuotes('prabhu> the agenda so far\nMine.').own).toBe('Mine.');
    // "a>b" in prose and "-->" are no citations.
    expect(splitQuotes('Use a>b here.\nThen -->\n').own).toBe('Use a>b here.\nThen -->');
  });

  it('keeps a line that only ends in "wrote:" when no quote follows', () => {
    expect(splitQuotes('This is what I wrote:\n\nthe plan').own).toBe('This is what I wrote:\n\nthe plan');
  });

  it('reads a quote Outlook for Mac indents by four spaces under its attribution, nested quotes and all', () => {
    // xen-devel 2019-09: the reply interleaved with the indented original.
    const body =
      '\ufeffOn 05/09/2019, 09:33, "Juergen Gross" <jgross@suse.com> wrote:\n\n' +
      '    On 05.09.19 10:14, Andrew Cooper wrote:\n    > Requiring something to be blocked first is short sighted.\n    \n' +
      '    I still think a short design would help.\n    \nI think that is a valid point and I agree.\n\nLars\n';
    expect(splitQuotes(body)).toEqual({
      own: 'I think that is a valid point and I agree.\n\nLars',
      quoted:
        'On 05.09.19 10:14, Andrew Cooper wrote:\nRequiring something to be blocked first is short sighted.\n\nI still think a short design would help.',
    });
    // An indented block after prose that is no attribution stays the author's (code, a command).
    expect(splitQuotes('Run this:\n\n    make check\n').own).toBe('Run this:\n\n    make check');
  });

  it("drops Gmail's attribution that gives only the date and the name, when a quote follows it", () => {
    // python-committers 2016, Victor Stinner's answer to the Language Summit's call.
    const body =
      '2016-03-02 2:01 GMT+01:00 Larry Hastings <larry at hastings.org>:\n> The purpose of the event is to disseminate information.\n\n' +
      "Sadly, I don't plan to attend Pycon US 2016.\n";
    expect(splitQuotes(body).own).toBe("Sadly, I don't plan to attend Pycon US 2016.");
    // The same line with no quote under it is the author's own text.
    expect(splitQuotes('2016-03-02 10:00 meeting notes:\n- one\n').own).toBe('2016-03-02 10:00 meeting notes:\n- one');
  });

  it("keeps a lone '>' line with the author's text right under it in a message that answers nothing", () => {
    // ILUGC 2010, the meet's agenda: each talk's title line starts with "> ".
    const agenda = '> Talk 1: R (Lighting Talk)\nSpeaker : Bharathi S\nDuration: 15mins\n\n> Talk 2: etcKeeper\nSpeaker : Raman P\n';
    expect(splitQuotes(agenda, false).own).toBe(
      '> Talk 1: R (Lighting Talk)\nSpeaker : Bharathi S\nDuration: 15mins\n\n> Talk 2: etcKeeper\nSpeaker : Raman P',
    );
    // In a reply the same lines are a quote and its answer; a quoted block of several lines stays a quote.
    expect(splitQuotes(agenda).quoted).toBe('Talk 1: R (Lighting Talk)\nTalk 2: etcKeeper');
    expect(splitQuotes('> one\n> two\nMy answer.\n', false).quoted).toBe('one\ntwo');
    // ILUGC 2007: "> Other Discussions:" between blank lines, the author's text the nearest above and below.
    const other = 'call centers and hotels.\n\n> Other Discussions:\n\n* Software Freedom Day\n* Network Seminar\n';
    expect(splitQuotes(other, false).own).toBe(other.trim());
    // Under "X wrote:" one quoted line is a quote.
    expect(splitQuotes('Juan Chair <juan at example.org> wrote:\n> The agenda is open.\n\nMy answer.\n', false).quoted).toBe(
      'The agenda is open.',
    );
    // A quote written a paragraph at a time stays a quote.
    expect(splitQuotes('> one\n\n> two\n\nMy answer.\n', false).quoted).toBe('one\ntwo');
  });
});
