// Issue 14, real names and PIPL rights: names not in clear text in any column (and sealed at startup where they still
// are), merchant contacts for staff in scope only, a person's copy of their data (JSON and .xlsx) holding their own
// journals and records and nothing of another person, and closing an account: login refused, the ledger still
// verifying, points moved per the district's rule exactly once (a retry and a race of two move nothing more),
// the pseudonym on public pages, the phone free to register again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { maskPersonAccountNames } from '../../src/server/db/migrations/0018_names_encrypted.js';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/server/modules/demo/index.js';
import { listPublicJournals, verifyLedger } from '../../src/server/modules/ledger/index.js';
import * as merchants from '../../src/server/modules/mall/merchants.service.js';
import { placeOrder } from '../../src/server/modules/mall/orders.service.js';
import { signUpActivity } from '../../src/server/modules/activities/index.js';
import { createSuggestion } from '../../src/server/modules/suggestions/index.js';
import { SUGGESTION_CATEGORIES } from '../../src/server/modules/suggestions/suggestions.rules.js';
import { createPartnerUnit } from '../../src/server/modules/org/org.service.js';
import { closeMyAccount, exportMyData, sealClearNames } from '../../src/server/modules/privacy/index.js';
import {
  actorOf,
  CLOCK_START,
  PG_URL,
  anon,
  type Client,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  PASSWORD,
  plainActor,
  type TestEnv,
  testApp,
  type TestUser,
  type Tree,
} from '../support.js';
import { appliedMerchant, award, goodsOf, staffOf } from '../mall/mall.fixtures.js';
import { raise } from '../needs/needs.fixtures.js';

/** Every text of every row of a table, as one string to search for a name in clear. */
async function tableText(
  env: TestEnv,
  table: 'point_accounts' | 'merchants' | 'partner_units' | 'users' | 'volunteers',
) {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(env.deps.db);
  return JSON.stringify(rows);
}

async function fundBalance(env: TestEnv, tree: Tree): Promise<number> {
  const row = await env.deps.db
    .selectFrom('point_accounts')
    .select('balance')
    .where('district_id', '=', tree.district.id)
    .where('owner_type', '=', 'community')
    .where('owner_id', '=', tree.communityA.id)
    .where('purpose', '=', 'fund')
    .executeTakeFirst();
  return Number(row?.balance ?? 0);
}

async function personBalance(env: TestEnv, tree: Tree, userId: string): Promise<number> {
  const row = await env.deps.db
    .selectFrom('point_accounts')
    .select('balance')
    .where('district_id', '=', tree.district.id)
    .where('owner_type', '=', 'user')
    .where('owner_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.balance ?? 0);
}

describe.each(DIALECTS)('real names and PIPL rights on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminUser: TestUser;
  let adminA: Client;
  let seq = 0;

  /** A distinct real name per test (two-character given names never collide with fixtures). */
  function realName(): string {
    seq += 1;
    return `欧阳${'明亮清华国栋'.charAt(seq % 6)}${'一二三四五六七八九十'.charAt(seq % 10)}${seq}`;
  }

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    adminUser = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    adminA = await clientFor(app, adminUser);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('keeps no real name in clear in point_accounts, merchants or partner_units (nickname = real name too)', async () => {
    const name = realName();
    const contact = realName();
    const unitContact = realName();
    // A person whose nickname is their real name, with points; a merchant contact; a partner unit contact.
    const person = await makeUser(env.deps, { home: tree.communityA, displayName: name, realName: name });
    await award(env, tree, person.id, 30);
    const shop = await appliedMerchant(env, tree.communityA, `理发${seq}`);
    await env.deps.db
      .updateTable('merchants')
      .set({ contact_name_enc: env.deps.cipher.encrypt(contact), contact_name_masked: '*' })
      .where('id', '=', shop.merchantId)
      .execute();
    await merchants.applyMerchant(env.deps, plainActor(person.id), {
      communityId: tree.communityA.id,
      name: `修鞋${seq}`,
      licenceNo: `91420100MA9${String(seq).padStart(7, '0')}`,
      address: '商业街 2 号',
      category: '修鞋',
      offerSummary: '老人免费',
      contactName: contact,
      contactPhone: '13912340001',
    });
    await createPartnerUnit(env.deps, staffOf(tree).adminA, {
      nodeId: tree.communityA.id,
      name: `医院${seq}`,
      category: 'hospital',
      contactName: unitContact,
      contactPhone: '13912340002',
    });
    for (const table of ['point_accounts', 'merchants', 'partner_units'] as const) {
      const text = await tableText(env, table);
      expect(text).not.toContain(name);
      expect(text).not.toContain(contact);
      expect(text).not.toContain(unitContact);
    }
    // Nor anywhere in users (the real name is encrypted; the nickname is the person's choice, so skip it there).
    expect(await tableText(env, 'point_accounts')).toContain(`欧${'*'.repeat(Array.from(name).length - 2)}`);
  });

  it('migration 0018 gives person accounts left with a plain nickname (by 0008) their public name', async () => {
    const nick = realName();
    const person = await makeUser(env.deps, { home: tree.communityA, displayName: nick });
    await award(env, tree, person.id, 5);
    // As 0008 left it for a person without a real name on file: the plain nickname.
    await env.deps.db.updateTable('point_accounts').set({ name: nick }).where('owner_id', '=', person.id).execute();
    await maskPersonAccountNames(env.deps.db as unknown as Kysely<unknown>);
    const acc = await env.deps.db
      .selectFrom('point_accounts')
      .select('name')
      .where('owner_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(acc.name).toBe(`欧${'*'.repeat(Array.from(nick).length - 2)}${Array.from(nick).at(-1)}`);
    expect(await tableText(env, 'point_accounts')).not.toContain(nick);
  });

  it('seals contact names left in clear by older versions at startup, once (idempotent)', async () => {
    const contact = realName();
    const unitContact = realName();
    const shop = await appliedMerchant(env, tree.communityA, `老店${seq}`);
    const unit = await createPartnerUnit(env.deps, staffOf(tree).adminA, {
      nodeId: tree.communityA.id,
      name: `大学${seq}`,
      category: 'university',
    });
    // As a database from before 0018 holds them: the clear name, nothing encrypted.
    await env.deps.db
      .updateTable('merchants')
      .set({ contact_name: contact, contact_name_enc: null, contact_name_masked: null })
      .where('id', '=', shop.merchantId)
      .execute();
    await env.deps.db
      .updateTable('partner_units')
      .set({ contact_name: unitContact, contact_name_enc: null, contact_name_masked: null })
      .where('id', '=', unit.id)
      .execute();
    const first = await sealClearNames(env.deps);
    expect(first.merchants).toBeGreaterThanOrEqual(1);
    expect(first.partnerUnits).toBeGreaterThanOrEqual(1);
    expect(await sealClearNames(env.deps)).toEqual({ merchants: 0, partnerUnits: 0 });
    const m = await env.deps.db
      .selectFrom('merchants')
      .selectAll()
      .where('id', '=', shop.merchantId)
      .executeTakeFirstOrThrow();
    expect(m.contact_name).toBe('');
    expect(env.deps.cipher.decrypt(m.contact_name_enc!)).toBe(contact);
    expect(m.contact_name_masked).toMatch(/^欧\*+/);
    const p = await env.deps.db
      .selectFrom('partner_units')
      .selectAll()
      .where('id', '=', unit.id)
      .executeTakeFirstOrThrow();
    expect(p.contact_name).toBeNull();
    expect(env.deps.cipher.decrypt(p.contact_name_enc!)).toBe(unitContact);
    expect(await tableText(env, 'merchants')).not.toContain(contact);
    expect(await tableText(env, 'partner_units')).not.toContain(unitContact);
  });

  it('listMerchants shows the contact to staff with mall.manage in scope only', async () => {
    const shop = await appliedMerchant(env, tree.communityA, `面馆${seq++}`);
    const resident = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    const adminB = await clientFor(
      app,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }),
    );
    const find = async (c: Client, q = '') => {
      const res = await c.request('GET', `/api/v1/merchants?districtId=${tree.district.id}${q}`);
      expect(res.statusCode).toBe(200);
      return (res.json().items as Array<Record<string, unknown>>).find((m) => m.id === shop.merchantId);
    };
    // Staff in scope see every state and the masked contact.
    expect(await find(adminA)).toMatchObject({ contactNameMasked: '王*傅', contactPhoneMasked: '139****0000' });
    // A resident (once filed, the merchant is public) and staff of another community see the public fields only.
    await merchants.reviewMerchant(env.deps, staffOf(tree).adminA, shop.merchantId, { decision: 'approve' });
    await merchants.fileMerchant(env.deps, staffOf(tree).streetA, shop.merchantId, { fenPerPoint: 10 });
    const seen = await find(resident);
    expect(seen).toMatchObject({
      name: expect.stringContaining('面馆') as string,
      contactNameMasked: null,
      contactPhoneMasked: null,
    });
    expect(JSON.stringify(seen)).not.toContain('王');
    const other = await find(adminB);
    if (other) expect(other).toMatchObject({ contactNameMasked: null, contactPhoneMasked: null });
    // The applicant sees what they gave.
    const mine = await clientFor(app, shop.owner);
    expect(await find(mine, '&mine=true')).toMatchObject({ contactNameMasked: '王*傅' });
  });

  it('revealMerchantContact: the full contact for staff in scope, audited; 404 for anyone else', async () => {
    const shop = await appliedMerchant(env, tree.communityA, `粮油${seq++}`);
    const resident = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    const adminB = await clientFor(
      app,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }),
    );
    const url = `/api/v1/merchants/${shop.merchantId}/contact/reveal`;
    expect((await resident.request('POST', url)).statusCode).toBe(404);
    expect((await adminB.request('POST', url)).statusCode).toBe(404);
    const res = await adminA.request('POST', url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ contactName: '王师傅', contactPhone: '13912340000' });
    const audited = await env.deps.db
      .selectFrom('audit_events')
      .select(['actor_id'])
      .where('action', '=', 'merchant.contact_reveal')
      .where('target_id', '=', shop.merchantId)
      .execute();
    expect(audited).toEqual([{ actor_id: adminUser.id }]);
  });

  /** A person with points, a service record, a need and a sign-up-free history; and another person alike. */
  async function personWithHistory(): Promise<TestUser & { realName: string; recordId: string }> {
    const name = realName();
    const v = await makeVolunteer(env.deps, tree.communityA, { realName: name });
    await env.deps.db
      .updateTable('users')
      .set({ real_name_enc: env.deps.cipher.encrypt(name), real_name_masked: '欧**' })
      .where('id', '=', v.id)
      .execute();
    await award(env, tree, v.id, 40);
    const rec = await adminA.request('POST', '/api/v1/service-records/past', {
      userId: v.id,
      communityId: tree.communityA.id,
      serviceDate: '2026-11-20',
      minutes: 60,
      category: '助老服务',
      place: '3号楼',
      content: '陪老人就医',
      vouchedBy: '楼长',
    });
    expect(rec.statusCode).toBe(201);
    return { ...v, realName: name, recordId: rec.json<{ id: string }>().id };
  }

  it('exportMyData: the person’s journals and records, their own name decrypted, nothing of another person', async () => {
    const me = await personWithHistory();
    const other = await personWithHistory();
    const client = await clientFor(app, me);
    const res = await client.request('GET', '/api/v1/me/data');
    expect(res.statusCode).toBe(200);
    const data = res.json<{ userId: string; sections: Array<{ key: string; rows: Array<Record<string, unknown>> }> }>();
    expect(data.userId).toBe(me.id);
    // Every module's part is there, also when empty.
    expect(data.sections.map((x) => x.key)).toEqual(
      expect.arrayContaining([
        'accounts.profile',
        'accounts.roles',
        'accounts.sessions',
        'volunteers.profiles',
        'volunteers.teams',
        'activities.signups',
        'records.serviceRecords',
        'records.certificates',
        'ledger.accounts',
        'ledger.journals',
        'mall.orders',
        'needs.needs',
        'projects.claims',
        'mediation.cases',
        'suggestions',
        'notifications.notices',
        'audit.events',
      ]),
    );
    const section = (key: string) => data.sections.find((s) => s.key === key)?.rows ?? [];
    expect(section('accounts.profile')[0]).toMatchObject({ id: me.id, phone: me.phone, realName: me.realName });
    expect(section('accounts.profile')[0]).not.toHaveProperty('passwordHash');
    expect(section('ledger.journals')).toEqual([expect.objectContaining({ amount: 40, type: 'award' })]);
    expect(section('records.serviceRecords').map((r) => r.id)).toEqual([me.recordId]);
    expect(section('volunteers.profiles')[0]).toMatchObject({ realName: me.realName });
    expect(section('accounts.sessions').length).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(data);
    expect(text).not.toContain(other.id);
    expect(text).not.toContain(other.realName);
    expect(text).not.toContain(other.recordId);
    expect(text).not.toMatch(/csrf|passwordHash|phoneIndex/i);
    // The .xlsx holds the same: a contents sheet and one per section.
    const xlsx = await client.request('GET', '/api/v1/me/data.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['目录', '积分流水', '服务记录']));
    const journals = wb.getWorksheet('积分流水')!;
    expect(journals.rowCount).toBe(2);
    // Both downloads are in the audit log.
    const audited = await env.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'person.data_exported')
      .where('target_id', '=', me.id)
      .execute();
    expect(audited.map((a) => (JSON.parse(a.details) as { format: string }).format).sort()).toEqual(['json', 'xlsx']);
  });

  it('verify-ledger names an account by its id, never by a name', async () => {
    const other = await makeTree(env.deps, `核对区${seq++}`);
    const name = realName();
    const person = await makeUser(env.deps, { home: other.communityA, displayName: name, realName: name });
    await award(env, other, person.id, 12);
    const acc = await env.deps.db
      .selectFrom('point_accounts')
      .select(['id', 'name'])
      .where('owner_id', '=', person.id)
      .executeTakeFirstOrThrow();
    // A balance out of step with its postings (as after tampering) is the one problem that used to print the name.
    await env.deps.db.updateTable('point_accounts').set({ balance: 13 }).where('id', '=', acc.id).execute();
    const report = await verifyLedger(env.deps, { districtId: other.district.id });
    const p = report.problems.find((x) => x.code === 'balance_mismatch');
    expect(p?.problem).toContain(acc.id);
    expect(p?.params).not.toHaveProperty('name');
    expect(p?.problem).not.toContain(acc.name);
    expect(p?.problem).not.toContain(name.slice(0, 1));
  });

  it('exportMyData is refused without a login, and limited to ten copies an hour per person', async () => {
    expect((await anon(app, 'GET', '/api/v1/me/data')).statusCode).toBe(401);
    const client = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await client.request('GET', '/api/v1/me/data')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 200)).toBe(true);
    expect(codes[10]).toBe(429);
    // Another person is not held back by it.
    const other = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    expect((await other.request('GET', '/api/v1/me/data')).statusCode).toBe(200);
  });

  it('getMyContact: my own phone, name and ID in full, for me only', async () => {
    const name = realName();
    const me = await makeUser(env.deps, { home: tree.communityA, realName: name, idNumber: '11010119900307123X' });
    const res = await (await clientFor(app, me)).request('GET', '/api/v1/me/contact');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      phone: me.phone,
      phoneMasked: `${me.phone.slice(0, 3)}****${me.phone.slice(7)}`,
      realName: name,
      idNumber: '11010119900307123X',
      idNumberMasked: '110***********123X',
    });
    expect((await anon(app, 'GET', '/api/v1/me/contact')).statusCode).toBe(401);
  });

  it('closeMyAccount: erased, login refused, points to the community fund once, journals verify, pseudonym shown', async () => {
    const me = await personWithHistory();
    const need = await raise(env.deps, me);
    const suggestion = await createSuggestion(env.deps, plainActor(me.id), {
      category: SUGGESTION_CATEGORIES[0],
      content: '楼道灯坏了好几天了',
      anonymous: false,
    });
    // An SMS still waiting to go out to the person.
    const at = new Date(CLOCK_START).toISOString();
    await env.deps.db
      .insertInto('notices')
      .values({
        district_id: tree.district.id,
        id: `N${me.id}`,
        user_id: me.id,
        kind: 'activity_reminder',
        params: '{}',
        link: null,
        ref_type: null,
        ref_id: null,
        source_key: `test:${me.id}`,
        event_id: null,
        created_at: at,
        read_at: null,
      })
      .execute();
    await env.deps.db
      .insertInto('notification_deliveries')
      .values({
        district_id: tree.district.id,
        id: `D${me.id}`,
        notice_id: `N${me.id}`,
        user_id: me.id,
        channel: 'sms',
        status: 'pending',
        attempts: 0,
        last_error: null,
        next_attempt_at: at,
        provider_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const client = await clientFor(app, me);
    const fundBefore = await fundBalance(env, tree);
    // A wrong phrase or password changes nothing.
    const badPhrase = await client.request('POST', '/api/v1/me/close', { currentPassword: PASSWORD, confirm: '确认' });
    expect(badPhrase.statusCode).toBe(400);
    expect(badPhrase.json().details[0].field).toBe('confirm');
    const badPassword = await client.request('POST', '/api/v1/me/close', {
      currentPassword: 'nope-123456',
      confirm: '注销',
    });
    expect(badPassword.statusCode).toBe(422);
    expect(await personBalance(env, tree, me.id)).toBe(40);

    const res = await client.request('POST', '/api/v1/me/close', { currentPassword: PASSWORD, confirm: '注销' });
    expect(res.statusCode).toBe(200);
    const closed = res.json<{ pseudonym: string; closedNow: boolean; needsWithdrawn: number; points: unknown[] }>();
    expect(closed).toMatchObject({
      closedNow: true,
      needsWithdrawn: 1,
      points: [{ points: 40, to: 'community_fund' }],
    });
    expect(closed.pseudonym).toMatch(/^已注销用户/);
    expect(await personBalance(env, tree, me.id)).toBe(0);
    expect(await fundBalance(env, tree)).toBe(fundBefore + 40);

    // Sessions ended, login refused, the phone free to register again.
    expect((await client.request('GET', '/api/v1/me')).statusCode).toBe(401);
    const login = await anon(app, 'POST', '/api/v1/auth/login', { phone: me.phone, password: PASSWORD });
    expect(login.statusCode).toBe(401);
    const again = await anon(app, 'POST', '/api/v1/auth/register', {
      phone: me.phone,
      password: 'An0ther-pass!',
      displayName: '新用户',
    });
    expect(again.statusCode).toBe(201);

    // Nothing personal left: the name and ID gone from users and volunteers; the need withdrawn.
    const user = await env.deps.db.selectFrom('users').selectAll().where('id', '=', me.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ display_name: closed.pseudonym, real_name_enc: null, id_number_enc: null });
    expect(env.deps.cipher.decrypt(user.phone_enc)).toBe('');
    expect(await tableText(env, 'volunteers')).not.toContain(me.realName);
    const needRow = await env.deps.db
      .selectFrom('needs')
      .select('status')
      .where('id', '=', need.id)
      .executeTakeFirstOrThrow();
    expect(needRow.status).toBe('closed');

    // Records and journals untouched: the record is still there, every chain and balance verifies.
    const rec = await env.deps.db
      .selectFrom('service_records')
      .select('user_id')
      .where('id', '=', me.recordId)
      .executeTakeFirstOrThrow();
    expect(rec.user_id).toBe(me.id);
    const report = await verifyLedger(env.deps, { districtId: tree.district.id });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    // The public ledger names the person by the pseudonym.
    const page = await listPublicJournals(env.deps, { districtId: tree.district.id, limit: 100 });
    const moved = page.items.find((j) => j.reason.includes('账户注销'));
    expect(moved?.parties.map((p) => p.name)).toContain(closed.pseudonym);

    // Nothing more goes out to them.
    const delivery = await env.deps.db
      .selectFrom('notification_deliveries')
      .select(['status', 'last_error'])
      .where('id', '=', `D${me.id}`)
      .executeTakeFirstOrThrow();
    expect(delivery).toEqual({ status: 'failed', last_error: 'account closed' });

    // Suggestions and the person's ledger account carry the pseudonym too.
    const sRow = await env.deps.db
      .selectFrom('suggestions')
      .select('author_name_masked')
      .where('id', '=', suggestion.id)
      .executeTakeFirstOrThrow();
    expect(sRow.author_name_masked).toBe(closed.pseudonym);
    const accounts = await env.deps.db
      .selectFrom('point_accounts')
      .select('name')
      .where('owner_type', '=', 'user')
      .where('owner_id', '=', me.id)
      .execute();
    expect(accounts.map((a) => a.name)).toEqual([closed.pseudonym]);

    // Audited.
    const audited = await env.deps.db
      .selectFrom('audit_events')
      .select('district_id')
      .where('action', '=', 'person.closed')
      .where('target_id', '=', me.id)
      .execute();
    expect(audited.map((a) => a.district_id)).toEqual([tree.district.id]);
  });

  it('closeMyAccount refunds active vouchers, cancels future sign-ups and promotes the waitlist', async () => {
    const me = await personWithHistory();
    const actor = await actorOf(env.deps, me);
    const goods = await goodsOf(env, tree, { pricePoints: 15, stock: 3, title: `挂面${seq}` });
    const voucher = await placeOrder(env.deps, actor, { itemId: goods.id, idempotencyKey: `close-test-${seq}` });
    expect(await personBalance(env, tree, me.id)).toBe(25);
    const startsAt = new Date(Date.parse(CLOCK_START) + 48 * 3600_000);
    const created = await adminA.request('POST', '/api/v1/activities', {
      communityId: tree.communityA.id,
      title: `探访${seq}`,
      category: '助老服务',
      address: '活动室',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      slots: 1,
      publish: true,
    });
    expect(created.statusCode).toBe(201);
    const activityId = created.json<{ items: Array<{ id: string }> }>().items[0]!.id;
    expect(await signUpActivity(env.deps, actor, activityId)).toMatchObject({ status: 'confirmed' });
    const next = await makeVolunteer(env.deps, tree.communityA);
    expect(await signUpActivity(env.deps, next.actor, activityId)).toMatchObject({ status: 'waitlisted' });
    const fundBefore = await fundBalance(env, tree);

    const r = await closeMyAccount(env.deps, actor, { currentPassword: PASSWORD, confirm: '注销' });
    expect(r).toMatchObject({
      signupsCancelled: 1,
      vouchersCancelled: 1,
      points: [{ points: 40, to: 'community_fund' }],
    });
    const order = await env.deps.db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', voucher.id)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe('cancelled');
    expect(await fundBalance(env, tree)).toBe(fundBefore + 40);
    const signups = await env.deps.db
      .selectFrom('signups')
      .select(['user_id', 'status'])
      .where('activity_id', '=', activityId)
      .execute();
    expect(signups).toEqual(
      expect.arrayContaining([
        { user_id: me.id, status: 'cancelled' },
        { user_id: next.id, status: 'confirmed' },
      ]),
    );
    expect((await verifyLedger(env.deps, { districtId: tree.district.id })).ok).toBe(true);
  });

  it('closeMyAccount retried moves nothing again (idempotent)', async () => {
    const me = await personWithHistory();
    const actor = await actorOf(env.deps, me);
    const fundBefore = await fundBalance(env, tree);
    const first = await closeMyAccount(env.deps, actor, { currentPassword: PASSWORD, confirm: '注销' });
    expect(first.closedNow).toBe(true);
    // The retry answers the same pseudonym and moves nothing.
    const retry = await closeMyAccount(env.deps, actor, { currentPassword: PASSWORD, confirm: '注销' });
    expect(retry).toMatchObject({ closedNow: false, pseudonym: first.pseudonym, points: [] });
    expect(await fundBalance(env, tree)).toBe(fundBefore + 40);
    const journals = await env.deps.db
      .selectFrom('journals')
      .select('id')
      .where('idempotency_key', 'like', 'close:%')
      .where('ref_id', 'in', env.deps.db.selectFrom('point_accounts').select('id').where('owner_id', '=', me.id))
      .execute();
    expect(journals).toHaveLength(1);
  });

  it('closeMyAccount forfeits the points where the district says so', async () => {
    const districtAdmin = await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district });
    const da = await clientFor(app, districtAdmin);
    const rules = `/api/v1/districts/${tree.district.id}/point-rules`;
    const set = await da.request('PATCH', rules, { closedAccountPoints: 'forfeit' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ closedAccountPoints: 'forfeit' });
    try {
      const me = await personWithHistory();
      const fundBefore = await fundBalance(env, tree);
      const r = await closeMyAccount(env.deps, await actorOf(env.deps, me), {
        currentPassword: PASSWORD,
        confirm: '注销',
      });
      expect(r.points).toEqual([expect.objectContaining({ points: 40, to: 'forfeit' })]);
      expect(await fundBalance(env, tree)).toBe(fundBefore);
      expect((await verifyLedger(env.deps, { districtId: tree.district.id })).ok).toBe(true);
    } finally {
      await da.request('PATCH', rules, { closedAccountPoints: 'community_fund' });
    }
  });

  it.runIf(dialect === 'postgres' && PG_URL)('two closes at once move the points once', async () => {
    const me = await personWithHistory();
    const actor = await actorOf(env.deps, me);
    const fundBefore = await fundBalance(env, tree);
    const input = { currentPassword: PASSWORD, confirm: '注销' };
    const results = await Promise.all([closeMyAccount(env.deps, actor, input), closeMyAccount(env.deps, actor, input)]);
    expect(results.filter((r) => r.closedNow)).toHaveLength(1);
    expect(results[0].pseudonym).toBe(results[1].pseudonym);
    expect(await fundBalance(env, tree)).toBe(fundBefore + 40);
    expect(await personBalance(env, tree, me.id)).toBe(0);
    expect((await verifyLedger(env.deps, { districtId: tree.district.id })).ok).toBe(true);
  });

  it('exportMyData after closing holds the pseudonym and no personal field', async () => {
    const me = await personWithHistory();
    const actor = await actorOf(env.deps, me);
    await closeMyAccount(env.deps, actor, { currentPassword: PASSWORD, confirm: '注销' });
    const data = await exportMyData(env.deps, actor, 'json');
    const text = JSON.stringify(data);
    expect(text).not.toContain(me.realName);
    expect(text).not.toContain(me.phone);
    // The journals are still theirs to see.
    expect(data.sections.find((s) => s.key === 'ledger.journals')?.rows.length).toBe(2);
  });
});

describe('sealing clear names at startup', () => {
  it('encrypts a database’s clear contact names on the next start (SQLite file), then leaves it alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-seal-'));
    const config = loadConfig({ DATA_DIR: dir, LINLI_WEB_DIR: '/nonexistent', LINLI_SECRET: 'ab'.repeat(32) });
    try {
      let rt = await openRuntime(config);
      const tree = await makeTree(rt.deps);
      const env = { deps: rt.deps } as TestEnv;
      const shop = await appliedMerchant(env, tree.communityA, '老字号');
      // As an older version left it: the contact's name in clear, nothing encrypted.
      await rt.deps.db
        .updateTable('merchants')
        .set({ contact_name: '司马大山', contact_name_enc: null, contact_name_masked: null })
        .where('id', '=', shop.merchantId)
        .execute();
      await rt.close();
      rt = await openRuntime(config);
      try {
        const m = await rt.deps.db
          .selectFrom('merchants')
          .selectAll()
          .where('id', '=', shop.merchantId)
          .executeTakeFirstOrThrow();
        expect(m).toMatchObject({ contact_name: '', contact_name_masked: '司**山' });
        expect(rt.deps.cipher.decrypt(m.contact_name_enc!)).toBe('司马大山');
        expect(await sealClearNames(rt.deps)).toEqual({ merchants: 0, partnerUnits: 0 });
      } finally {
        await rt.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(DIALECTS)('the demo district on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    await seedDemo(env.deps, env.deps.config.demoPassword);
  });
  afterAll(async () => {
    await env.close();
  });

  it('keeps no seeded real name in clear in any column of people, accounts, merchants or partner units', async () => {
    const names = [...DEMO_ACCOUNTS.map((a) => a.realName), '林医生'];
    expect(names.length).toBeGreaterThan(5);
    for (const table of ['point_accounts', 'merchants', 'partner_units', 'users', 'volunteers'] as const) {
      const text = await tableText(env, table);
      for (const name of names) expect(text, `${name} in ${table}`).not.toContain(name);
    }
    // The contacts are there, encrypted, with their masks.
    const contacts = await env.deps.db.selectFrom('merchants').select(['contact_name_masked']).execute();
    expect(contacts.map((c) => c.contact_name_masked)).toContain('钱*福');
  });
});
