// Table types of the accounts module (people, sessions, role assignments).

export interface UserTable {
  id: string;
  /** HMAC of the phone number, for lookup; the number itself is only stored encrypted. */
  phone_index: string;
  phone_enc: string;
  password_hash: string;
  display_name: string;
  real_name_enc: string | null;
  real_name_masked: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  home_district_id: string | null;
  home_node_id: string | null;
  locale: string;
  elder_mode: number;
  failed_logins: number;
  locked_until: string | null;
  /** 1 after staff set a temporary password: every call but changing it answers 403 until it is changed. */
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself lives only in the client's cookie. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface RoleAssignmentTable {
  district_id: string;
  id: string;
  user_id: string;
  role: string;
  node_id: string;
  granted_by: string | null;
  granted_at: string;
  revoked_by: string | null;
  revoked_at: string | null;
}

/** Platform operators (role platform_admin): global, on no org node; they may start new districts. */
export interface PlatformAdminTable {
  user_id: string;
  granted_by: string | null;
  granted_at: string;
}

/**
 * Failed sign-ins per phone number ('phone:' + its blind index, known or not) and per client address ('ip:' + address):
 * the progressive delays of accounts.rules.ts. Global like users.
 */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  blocked_until: string | null;
}

export interface AccountTables {
  login_throttle: LoginThrottleTable;
  platform_admins: PlatformAdminTable;
  users: UserTable;
  sessions: SessionTable;
  role_assignments: RoleAssignmentTable;
}
