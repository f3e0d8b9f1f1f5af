// Pure rules of service records.

/**
 * Service-record states ("谁组织谁记录、谁记录谁证明").
 *
 *   pending ──confirm (leader)──→ confirmed ──accept (community)──→ accepted
 *      │                              │                                 │
 *      └──return (leader)──→ returned ←──return (community)─┘          │
 *                               │                                      │
 *                               └──correct──→ superseded ←──correct (community)──┘
 *   A correction is a new pending record that references the one it supersedes.
 */
export const RECORD_STATES = ['pending', 'confirmed', 'accepted', 'returned', 'superseded'] as const;
export type RecordState = (typeof RECORD_STATES)[number];
export type RecordAction = 'confirm' | 'accept' | 'return' | 'correct';

export function nextRecordState(from: RecordState, action: RecordAction): RecordState | null {
  const table: Record<RecordState, Partial<Record<RecordAction, RecordState>>> = {
    pending: { confirm: 'confirmed', return: 'returned' },
    confirmed: { accept: 'accepted', return: 'returned' },
    accepted: { correct: 'superseded' },
    returned: { correct: 'superseded' },
    superseded: {},
  };
  return table[from][action] ?? null;
}

/** States that still count towards a person's day (for the daily cap). */
export const LIVE_STATES: RecordState[] = ['pending', 'confirmed', 'accepted'];

export const ACCEPTED_EVENT = 'service_record.accepted';
export const SUPERSEDED_EVENT = 'service_record.superseded';

/** Certificate number: LL-<year>-<district-local sequence>. */
export function formatCertNo(year: number, seq: number): string {
  return `LL${year}${String(seq).padStart(7, '0')}`;
}
