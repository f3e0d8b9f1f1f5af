// One application error type with a stable machine code; the HTTP layer maps codes to statuses.

export type ErrorCode =
  | 'VALIDATION_FAILED' | 'UNAUTHENTICATED' | 'CSRF_FAILED' | 'NOT_FOUND' | 'ROUTE_NOT_FOUND'
  | 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED' | 'RATE_LIMITED' | 'PHONE_TAKEN' | 'WRONG_PASSWORD'
  | 'PASSWORD_REUSED' | 'ORG_INVALID_PARENT' | 'ORG_CODE_TAKEN' | 'ORG_NAME_TAKEN' | 'ORG_HAS_CHILDREN'
  | 'ORG_ARCHIVED' | 'ORG_MOVE_INTO_SELF' | 'ORG_MOVE_DISTRICT' | 'ORG_ROOT_IMMUTABLE' | 'PARTNER_NODE_KIND'
  | 'ROLE_NODE_KIND' | 'ROLE_NOT_GRANTABLE' | 'ROLE_ALREADY_HELD' | 'ROLE_SELF_REVOKE' | 'INTERNAL';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
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
  INTERNAL: 500,
};

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
