// Pure rules of service records.

/**
 * Service-record states ("谁组织谁记录、谁记录谁证明").
 *
 *   pending ──confirm (leader)──→ confirmed ──accept (community)──→ accepted
 *      │                              │                                 │
 *      └──return (leader)──→ returned ←──return (community)─┘          │
 *                               │                                      │
 *                               └──correct──→ superseded ←──correct (community)──┘
 *   pending, confirmed, returned ──void (marked absent)──→ voided
 *   A correction is a new pending record that references the one it supersedes. Marking someone absent voids
 *   their unaccepted record; an accepted one is superseded by a voided replacement (so the ledger reverses it).
 */
export const RECORD_STATES = ['pending', 'confirmed', 'accepted', 'returned', 'superseded', 'voided'] as const;
export type RecordState = (typeof RECORD_STATES)[number];
export type RecordAction = 'confirm' | 'accept' | 'return' | 'correct' | 'void';

export function nextRecordState(from: RecordState, action: RecordAction): RecordState | null {
  const table: Record<RecordState, Partial<Record<RecordAction, RecordState>>> = {
    pending: { confirm: 'confirmed', return: 'returned', void: 'voided' },
    confirmed: { accept: 'accepted', return: 'returned', void: 'voided' },
    accepted: { correct: 'superseded' },
    returned: { correct: 'superseded', void: 'voided' },
    superseded: {},
    voided: {},
  };
  return table[from][action] ?? null;
}

/**
 * Hours are confirmed and accepted only once the activity has ended: before that nobody knows how long anyone
 * stayed. A back-fill is declared only after the end, so it always passes.
 */
export function canSettleRecord(r: { endsAt: string }, now: Date): boolean {
  return now.getTime() >= new Date(r.endsAt).getTime();
}

/** States that still count towards a person's day (for the daily cap). */
export const LIVE_STATES: RecordState[] = ['pending', 'confirmed', 'accepted'];

export const ACCEPTED_EVENT = 'service_record.accepted';
export const SUPERSEDED_EVENT = 'service_record.superseded';

/** Certificate number: LL-<year>-<district-local sequence>. */
export function formatCertNo(year: number, seq: number): string {
  return `LL${year}${String(seq).padStart(7, '0')}`;
}
