// Table types of the notifications module (migration 0009).

export interface NoticeTable {
  district_id: string;
  id: string;
  user_id: string;
  kind: string;
  /** JSON: the message parameters. */
  params: string;
  /** Deep link: an H5 path ("/me/hours") or a console path ("/admin/volunteers"). */
  link: string | null;
  ref_type: string | null;
  ref_id: string | null;
  /** The event id, or a scan key for scheduled notices; unique per (user, kind). */
  source_key: string;
  event_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPreferenceTable {
  user_id: string;
  kind: string;
  /** 0/1 */
  muted: number;
  updated_at: string;
}

export interface NotificationDeliveryTable {
  district_id: string;
  id: string;
  notice_id: string;
  user_id: string;
  channel: string;
  /** pending | sent | failed */
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  provider_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationTables {
  notices: NoticeTable;
  notification_preferences: NotificationPreferenceTable;
  notification_deliveries: NotificationDeliveryTable;
}
