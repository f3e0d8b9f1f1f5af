// One application error type with a stable machine code; the HTTP layer maps codes to statuses.

export const STATUS_BY_CODE = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  ROLE_NOT_GRANTABLE: 403,
  ROLE_SELF_REVOKE: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  PHONE_TAKEN: 409,
  ORG_CODE_TAKEN: 409,
  ORG_NAME_TAKEN: 409,
  ROLE_ALREADY_HELD: 409,
  WRONG_PASSWORD: 422,
  PASSWORD_REUSED: 422,
  ORG_INVALID_PARENT: 422,
  ORG_HAS_CHILDREN: 422,
  ORG_ARCHIVED: 422,
  ORG_MOVE_INTO_SELF: 422,
  ORG_MOVE_DISTRICT: 422,
  ORG_ROOT_IMMUTABLE: 422,
  PARTNER_NODE_KIND: 422,
  ROLE_NODE_KIND: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  VOLUNTEER_ALREADY_APPLIED: 409,
  VOLUNTEER_NOT_PENDING: 422,
  REASON_REQUIRED: 422,
  NOT_A_VOLUNTEER: 422,
  TEAM_ALREADY_MEMBER: 409,
  TEAM_NOT_MEMBER: 422,
  TEAM_REQUEST_NOT_PENDING: 422,
  TEAM_LEADER_LEAVE: 422,
  ACTIVITY_BAD_TIME: 422,
  ACTIVITY_STATE: 422,
  SIGNUP_CLOSED: 422,
  SIGNUP_DUPLICATE: 409,
  SIGNUP_OVERLAP: 409,
  SIGNUP_PAUSED: 422,
  SIGNUP_SKILL_MISSING: 422,
  CANCEL_TOO_LATE: 422,
  ATTENDANCE_CODE_INVALID: 422,
  ATTENDANCE_NOT_SIGNED_UP: 422,
  ATTENDANCE_NOT_OPEN: 422,
  ATTENDANCE_ALREADY: 409,
  ATTENDANCE_NOT_CHECKED_IN: 422,
  GEOFENCE_OUTSIDE: 422,
  BACKFILL_TOO_LONG: 422,
  BACKFILL_NOT_PAST: 422,
  RECORD_STATE: 422,
  RATING_NOT_ALLOWED: 422,
  RATING_DUPLICATE: 409,
  IMPORT_FILE_INVALID: 400,
  CERT_NO_HOURS: 422,
  SETTINGS_INVALID: 422,
  INSUFFICIENT_POINTS: 422,
  GIFTS_DISABLED: 422,
  DONATIONS_DISABLED: 422,
  GIVE_LIMIT: 422,
  GIFT_SELF: 422,
  JOURNAL_NOT_REVERSIBLE: 422,
  IDEMPOTENCY_CONFLICT: 409,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

/** A failure the user can understand; params fill the localised message, details go to the client as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly details: unknown = null,
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

/** The one answer for "missing" and "not yours", so nothing can be enumerated. */
export function notFound(entity: string): AppError {
  return new AppError('NOT_FOUND', { entity });
}
