import { describe, expect, it } from 'vitest';
import { normaliseLine, parseCommand, readCommands } from '../../src/review-mail/commands.js';

describe("the chair's commands, one per line", () => {
  it('reads each command the reminder explains, in any case', () => {
    expect(parseCommand('accept 3 1 4')).toEqual({ kind: 'accept', refs: [3, 1, 4] });
    expect(parseCommand('Accept #3, 1 and 4.')).toEqual({ kind: 'accept', refs: [3, 1, 4] });
    expect(parseCommand('reject 2 off-topic')).toEqual({ kind: 'reject', refs: [2], reason: 'off-topic' });
    expect(parseCommand('REJECT 3')).toEqual({ kind: 'reject', refs: [3], reason: null });
    expect(parseCommand('reject 2 3: duplicates of 1')).toEqual({ kind: 'reject', refs: [2, 3], reason: 'duplicates of 1' });
    expect(parseCommand('defer 5')).toEqual({ kind: 'defer', refs: [5] });
    expect(parseCommand('merge 6 into 3')).toEqual({ kind: 'merge', refs: [6], into: 3 });
    expect(parseCommand('title 4 Rust in the kernel')).toEqual({ kind: 'title', ref: 4, title: 'Rust in the kernel' });
    expect(parseCommand('move 4 to 1')).toEqual({ kind: 'move', ref: 4, to: 1 });
    expect(parseCommand('add Release planning (15 min)')).toEqual({ kind: 'add', title: 'Release planning', durationMinutes: 15 });
    expect(parseCommand('add Rust [Miguel] (20 min)')).toEqual({ kind: 'add', title: 'Rust', presenter: 'Miguel', durationMinutes: 20 });
    expect(parseCommand('Cancel')).toEqual({ kind: 'cancel' });
    expect(parseCommand('send now')).toEqual({ kind: 'send' });
  });

  it('guesses nothing: near misses are not commands', () => {
    for (const line of [
      'accept three',
      'accept 2 please',
      'accepted 2',
      'move 4',
      'merge 6 3',
      'cancel everything',
      'sending',
      'title 4',
      'add',
    ])
      expect(parseCommand(line), line).toBeNull();
  });

  it("reads only the chair's own lines: not quoted ones, not the signature, not below an attribution", () => {
    const body = ['Hi,', '', 'accept 2 1', 'reject 3 duplicate', '> accept 4', '| defer 5', '-- ', 'Chair Person', 'accept 9'].join('\n');
    const read = readCommands(body);
    expect(read.commands.map((c) => c.line)).toEqual(['accept 2 1', 'reject 3 duplicate']);
    expect(read.notUnderstood).toEqual(['Hi,']);
    const outlook = readCommands(
      'defer 1\n\n-----Original Message-----\nFrom: convene <convene@example.org>\n  reject 3 duplicate  decline',
    );
    expect(outlook.commands.map((c) => c.line)).toEqual(['defer 1']);
    const gmail = readCommands('send\nOn Tue, 9 Jun 2026 at 17:00, convene <convene@example.org> wrote:\naccept 1');
    expect(gmail.commands.map((c) => c.line)).toEqual(['send']);
  });

  it('skips lines of the mail replied to, when a client quotes without ">"', () => {
    const original = new Set(['reject 3 duplicate decline item 3; the rest of the line is the reason'].map(normaliseLine));
    const read = readCommands('accept 1\n  reject 3 duplicate             decline item 3; the rest of the line is the reason', original);
    expect(read.commands.map((c) => c.line)).toEqual(['accept 1']);
    expect(read.notUnderstood).toEqual([]);
  });
});
