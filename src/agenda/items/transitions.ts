/**
 * The state machine of an agenda item: which review action may follow which state.
 *
 *   proposed  → accepted | rejected | deferred | merged | withdrawn
 *   accepted  → accepted (re-placed) | done | rejected | deferred | merged | withdrawn
 *   deferred  → accepted | rejected | deferred | merged | withdrawn
 *   rejected  → accepted | deferred            (the chair changed their mind)
 *   withdrawn → accepted | deferred
 *   history   → as proposed (a chair may still pick up an old proposal)
 *   done, merged: final.
 */
import { ConveneError } from '../../errors.js';
import type { ItemState } from './item-types.js';

const NEXT: Record<ItemState, readonly ItemState[]> = {
  proposed: ['accepted', 'rejected', 'deferred', 'merged', 'withdrawn'],
  accepted: ['accepted', 'done', 'rejected', 'deferred', 'merged', 'withdrawn'],
  deferred: ['accepted', 'rejected', 'deferred', 'merged', 'withdrawn'],
  rejected: ['accepted', 'deferred'],
  withdrawn: ['accepted', 'deferred'],
  history: ['accepted', 'rejected', 'deferred', 'merged', 'withdrawn'],
  done: [],
  merged: [],
};

const VERB: Record<ItemState, string> = {
  proposed: 'propose',
  accepted: 'accept',
  rejected: 'reject',
  deferred: 'defer',
  merged: 'merge',
  withdrawn: 'withdraw',
  done: 'mark done',
  history: 'file as history',
};

/** True when the state machine allows the move. */
export function canMove(from: ItemState, to: ItemState): boolean {
  return NEXT[from].includes(to);
}

/** Throw an AGENDA error naming the item, its state and the refused action when the move is not allowed. */
export function checkMove(item: { readonly id: number; readonly state: ItemState }, to: ItemState): void {
  if (!canMove(item.state, to)) throw new ConveneError('AGENDA', `agenda: item ${item.id} is ${item.state}; cannot ${VERB[to]} it`);
}
