// Pure rules of resources, projects and claims: kinds, states and their allowed transitions.

/** What a resource is (资源清单): 场地, 专业人才, 物资, 资金 (fen), 课程. */
export const RESOURCE_KINDS = ['venue', 'professionals', 'goods', 'funds', 'courses'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Who offers a resource: a partner unit (共建单位), a filed merchant (联盟商户) or the community itself. */
export const PROVIDER_KINDS = ['partner', 'merchant', 'community'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const RESOURCE_STATES = ['active', 'archived'] as const;
export type ResourceState = (typeof RESOURCE_STATES)[number];

/**
 * What a resource must carry for its kind: funds an amount in fen and no quantity; every other kind may give a
 * quantity (capacity, people, pieces, sessions) and no amount. Null when it fits, else the field at fault.
 */
export function resourceAmountProblem(
  kind: ResourceKind,
  r: { quantity: number | null; amountFen: number | null },
): 'amountFen' | 'quantity' | null {
  if (kind === 'funds') {
    if (r.amountFen === null || r.amountFen <= 0) return 'amountFen';
    return r.quantity === null ? null : 'quantity';
  }
  return r.amountFen === null ? null : 'amountFen';
}

/**
 * Project states (项目清单).
 *
 *   draft ──publish──→ published ──(a claim approved)──→ claimed ──(first activity / start)──→ in_progress ──finish──→ done
 *     │                    │                                │                                     │
 *     └────────────────────┴──────────────withdraw──────────┴─────────────────────────────────────┴──→ withdrawn
 */
export const PROJECT_STATES = ['draft', 'published', 'claimed', 'in_progress', 'done', 'withdrawn'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const PROJECT_ACTIONS = ['publish', 'approve_claim', 'start', 'finish', 'withdraw', 'edit'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/** The state after an action, or null when the action is not allowed from `from` ('edit' keeps the state). */
export function nextProjectState(from: ProjectState, action: ProjectAction): ProjectState | null {
  switch (action) {
    case 'publish':
      return from === 'draft' ? 'published' : null;
    case 'approve_claim':
      return from === 'published' ? 'claimed' : null;
    case 'start':
      return from === 'claimed' ? 'in_progress' : null;
    case 'finish':
      return from === 'in_progress' ? 'done' : null;
    case 'withdraw':
      return from === 'done' || from === 'withdrawn' ? null : 'withdrawn';
    case 'edit':
      return from === 'draft' || from === 'published' ? from : null;
  }
}

/** Whether the community may generate activities for the project: once a unit has it, until it is done. */
export function canGenerateActivities(state: ProjectState): boolean {
  return state === 'claimed' || state === 'in_progress';
}

/**
 * Claim states (认领).
 *
 *   (claim) → pending ──approve──→ approved
 *                │ └──reject (reason)──→ rejected
 *                └──withdraw (the unit)──→ withdrawn
 * Approving one claim rejects every other pending claim of the project ("已由其他单位认领").
 */
export const CLAIM_STATES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export function nextClaimState(from: ClaimState, action: 'approve' | 'reject' | 'withdraw'): ClaimState | null {
  if (from !== 'pending') return null;
  switch (action) {
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'withdraw':
      return 'withdrawn';
  }
}

/** A claim is live (blocks another from the same unit) while pending or approved. */
export function isLiveClaim(state: ClaimState): boolean {
  return state === 'pending' || state === 'approved';
}

/** The reason written on the other pending claims when one is approved. */
export const TAKEN_BY_OTHER_REASON = '已由其他单位认领';
