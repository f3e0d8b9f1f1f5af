// Display names and tag colours of journal types and gift relations, and how points and hashes are written.
import type { MessageKey, Translate } from '../../i18n';
import { RELATIONS, type JournalType, type Relation } from './types';

export type TagColor = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export const JOURNAL_TYPE_LABEL: Record<JournalType, MessageKey> = {
  earn: 'jtype.earn',
  award: 'jtype.award',
  redeem: 'jtype.redeem',
  refund: 'jtype.refund',
  gift: 'jtype.gift',
  donate: 'jtype.donate',
  expire: 'jtype.expire',
  reverse: 'jtype.reverse',
  contribute: 'jtype.contribute',
};

export const JOURNAL_TYPE_COLOR: Record<JournalType, TagColor> = {
  earn: 'success',
  award: 'primary',
  redeem: 'warning',
  refund: 'success',
  gift: 'primary',
  donate: 'primary',
  expire: 'default',
  reverse: 'danger',
  contribute: 'success',
};

export const RELATION_LABEL: Record<Relation, MessageKey> = {
  spouse: 'relation.spouse',
  parent: 'relation.parent',
  child: 'relation.child',
  grandparent: 'relation.grandparent',
  grandchild: 'relation.grandchild',
};

/** +20 / −10 / 0 (a true minus sign, so it reads well and lines up). */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return '0';
}

/** abcd…ef12 */
export function shortHash(hash: string): string {
  return hash.length > 10 ? `${hash.slice(0, 4)}…${hash.slice(-4)}` : hash;
}

const RELATION_IN_REASON = new RegExp(`[（(](${RELATIONS.join('|')})[)）]`);

/**
 * The reason as people should read it. Gift reasons are written by the server with the relation's code
 * ("转赠给直系亲属（spouse）"); the code is shown by its name. The stored text (covered by the hash) is unchanged.
 */
export function displayReason(reason: string, t: Translate): string {
  return reason.replace(RELATION_IN_REASON, (_m, code: Relation) => `（${t(RELATION_LABEL[code])}）`);
}
