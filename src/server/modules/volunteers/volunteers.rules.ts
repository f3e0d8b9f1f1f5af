// Pure rules of volunteer registration and teams.

/**
 * Volunteer registration states.
 *
 *   (apply) → pending ──approve──→ approved ──suspend──→ suspended ──reinstate──→ approved
 *                │
 *                └──reject──→ rejected ──(apply again)──→ pending
 */
export const VOLUNTEER_STATES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type VolunteerState = (typeof VOLUNTEER_STATES)[number];
export type VolunteerAction = 'approve' | 'reject' | 'reapply' | 'suspend' | 'reinstate';

/** The state after an action, or null when the action is not allowed from that state. */
export function nextVolunteerState(from: VolunteerState, action: VolunteerAction): VolunteerState | null {
  const table: Record<VolunteerState, Partial<Record<VolunteerAction, VolunteerState>>> = {
    pending: { approve: 'approved', reject: 'rejected' },
    rejected: { reapply: 'pending' },
    approved: { suspend: 'suspended' },
    suspended: { reinstate: 'approved' },
  };
  return table[from][action] ?? null;
}

/**
 * Team membership states.
 *
 *   (request) → pending ──approve──→ active ──leave──→ left ──(request again)──→ pending
 *                  └──reject──→ rejected ──(request again)──→ pending
 */
export const MEMBER_STATES = ['pending', 'active', 'rejected', 'left'] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

export const TIME_BANDS = ['morning', 'afternoon', 'evening'] as const;
export type TimeBand = (typeof TIME_BANDS)[number];
/** Weekday "1" (Monday) … "7" (Sunday) → bands the volunteer is usually free. */
export type Availability = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', TimeBand[]>>;

/** Formats a volunteer number: district prefix, year, six-digit sequence (e.g. ZY2026000017). */
export function formatVolunteerNo(year: number, seq: number): string {
  return `ZY${year}${String(seq).padStart(6, '0')}`;
}
