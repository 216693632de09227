import { describe, expect, it } from 'vitest';
import { authenticationFailed, authorAddress, isChairMail } from '../../../src/agenda/extract/chair-mail.js';
import { message } from '../extract-helpers.js';

describe("whose mail is the chair's (issues 8 and 13)", () => {
  it('finds the author behind a list that rewrote From for DMARC', () => {
    const munged = message({
      subject: 'Re: Open monthly meeting',
      bodyText: 'x',
      fromName: 'Andrea Cervesato via ltp',
      fromAddr: 'ltp@lists.linux.it',
      headers: { 'list-post': '<mailto:ltp@lists.linux.it>', 'reply-to': 'Andrea Cervesato <andrea.cervesato@suse.com>' },
    });
    expect(authorAddress(munged)).toBe('andrea.cervesato@suse.com');
    // Google Groups: "'Nick Desaulniers' via Clang Built Linux", a group name of several words.
    const group = message({
      subject: 'Re: [Meet-Up] Call For Presentations',
      bodyText: 'x',
      fromName: "'Nick Desaulniers' via Clang Built Linux",
      fromAddr: 'clang-built-linux@googlegroups.com',
      headers: { 'x-original-from': 'Nick Desaulniers <ndesaulniers@google.com>' },
    });
    expect(authorAddress(group)).toBe('ndesaulniers@google.com');
    expect(authorAddress(message({ subject: 'x', bodyText: 'x', fromAddr: 'Ada@Example.org' }))).toBe('ada@example.org');
  });

  it('takes only a configured chair whose mail did not fail DKIM or DMARC', () => {
    const chairs = { chairs: ['chair@example.org'] };
    const from = (fromAddr: string, headers: Record<string, string> = {}) => message({ subject: 'x', bodyText: 'x', fromAddr, headers });
    expect(isChairMail(from('chair@example.org'), chairs)).toBe(true);
    expect(isChairMail(from('mallory@evil.example'), chairs)).toBe(false);
    const forged = from('chair@example.org', { 'authentication-results': 'mx.example.org; dkim=fail header.d=example.org; spf=fail' });
    expect(authenticationFailed(forged)).toBe(true);
    expect(isChairMail(forged, chairs)).toBe(false);
    expect(isChairMail(from('chair@example.org'), { chairs: [] })).toBeNull();
  });
});
