// The inbox use cases: a person lists and marks read only their own notices, and mutes kinds. Someone else's notice
// id is simply not among "mine", so marking it changes nothing and reveals nothing.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Locale } from '../../platform/messages.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import { type Actor, STAFF_ROLES } from '../../platform/permissions.js';
import { inTransaction } from '../../db/transaction.js';
import * as repo from './notifications.repository.js';
import {
  KIND_LABELS,
  NOTICE_KINDS,
  type NoticeKind,
  type Params,
  renderNotice,
  UNMUTABLE_KINDS,
} from './notifications.rules.js';
import type {
  ListNotificationsQuery,
  MarkReadResult,
  Notification,
  NotificationPage,
  NotificationPreferences,
} from './notifications.schemas.js';

function present(r: repo.NoticeRow, locale: Locale): Notification {
  return {
    id: r.id,
    kind: r.kind as NoticeKind,
    ...renderNotice(r.kind, JSON.parse(r.params) as Params, locale),
    link: r.link,
    refType: r.ref_type,
    refId: r.ref_id,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

/** The actor's own notices, newest first, with their unread count. */
export async function listNotifications(
  deps: Deps,
  actor: Actor,
  q: ListNotificationsQuery,
  locale: Locale,
): Promise<NotificationPage> {
  const beforeId = decodeCursor(q.cursor);
  const rows = await repo.listNoticesOf(deps.db, actor.userId, {
    beforeId,
    unread: q.unread ?? false,
    limit: q.limit + 1,
  });
  const page = toPage(
    rows,
    q.limit,
    (r) => r.id,
    (r) => present(r, locale),
  );
  return { ...page, unread: await repo.countUnread(deps.db, actor.userId) };
}

/** Marks the actor's own notices read (some ids, or all); ids that are not theirs are ignored. */
export async function markNotificationsRead(
  deps: Deps,
  actor: Actor,
  input: { ids?: string[]; all?: boolean },
): Promise<MarkReadResult> {
  return inTransaction(deps.db, async ({ trx }) => {
    const updated = await repo.markRead(
      trx,
      actor.userId,
      input.all ? 'all' : [...new Set(input.ids ?? [])],
      iso(deps.clock.now()),
    );
    return { updated, unread: await repo.countUnread(trx, actor.userId) };
  });
}

/** Kinds shown to this person: staff review queues only to staff. */
function kindsFor(actor: Actor): NoticeKind[] {
  const staff = actor.roles.some((r) => STAFF_ROLES.includes(r.role));
  return NOTICE_KINDS.filter((k) => staff || !k.startsWith('queue_'));
}

/** The actor's mute settings, one line per kind they may receive. */
export async function getNotificationPreferences(
  deps: Deps,
  actor: Actor,
  locale: Locale,
): Promise<NotificationPreferences> {
  const rows = await repo.listPreferences(deps.db, actor.userId);
  const muted = new Set(rows.filter((r) => r.muted === 1).map((r) => r.kind));
  return {
    items: kindsFor(actor).map((kind) => ({
      kind,
      label: locale === 'en' ? KIND_LABELS[kind].en : KIND_LABELS[kind].zh,
      mutable: !UNMUTABLE_KINDS.includes(kind),
      muted: !UNMUTABLE_KINDS.includes(kind) && muted.has(kind),
    })),
  };
}

/** Mutes or unmutes kinds for the actor (the schema refuses kinds that cannot be muted). */
export async function updateNotificationPreferences(
  deps: Deps,
  actor: Actor,
  input: { items: Array<{ kind: NoticeKind; muted: boolean }> },
  locale: Locale,
): Promise<NotificationPreferences> {
  await inTransaction(deps.db, async ({ trx }) => {
    const at = iso(deps.clock.now());
    for (const it of input.items) await repo.upsertPreference(trx, actor.userId, it.kind, it.muted, at);
  });
  return getNotificationPreferences(deps, actor, locale);
}
