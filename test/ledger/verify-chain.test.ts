// tools/verify-chain.mjs, the standalone verifier a citizen runs with nothing but Node.js, run as a child process
// against a real server (HTTP on a port) on both databases: the honest chain verifies (exit 0); after a tail rewrite
// with recomputed hashes and head (which verify-ledger alone passed before issue 14) it fails (exit 1), through the
// published signed head — and through a head the citizen kept even when the published ones were deleted too.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, createTestEnv, DIALECTS, makeTree, makeUser, type TestEnv, testApp, type Tree } from '../support.js';
import { rewriteLastJournal, withoutGuards } from './tamper.js';
import * as svc from '../../src/server/modules/ledger/ledger.service.js';
import { signLedgerHeads } from '../../src/server/modules/ledger/ledger.signing.js';

const TOOL = path.resolve(import.meta.dirname, '../../tools/verify-chain.mjs');

function runTool(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TOOL, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe.each(DIALECTS)('verify-chain.mjs against a real server on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let base: string;
  let tree: Tree;
  let tmp: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  beforeEach(async () => {
    tree = await makeTree(env.deps);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-verify-'));
    const admin = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }),
    );
    const person = await makeUser(env.deps, { home: tree.communityA });
    for (const [i, points] of [4, 6, 8].entries()) {
      await svc.awardPoints(env.deps, admin, {
        userId: person.id,
        points,
        reason: '核验工具测试',
        idempotencyKey: `tool-${dialect}-${i}-${tree.district.id}`,
      });
    }
    await signLedgerHeads(env.deps, { districtId: tree.district.id });
  });

  it('verifies the honest chain, saves pages and the newest head, and verifies the saved pages offline', async () => {
    const kept = path.join(tmp, 'kept.json');
    const pages = path.join(tmp, 'pages');
    const online = await runTool([base, tree.district.id, '--save', pages, '--keep-latest', kept]);
    expect(online.stderr).toBe('');
    expect(online.code).toBe(0);
    expect(online.stdout).toMatch(/核验通过.*VERIFIED/s);
    expect(JSON.parse(fs.readFileSync(kept, 'utf8'))).toMatchObject({ districtId: tree.district.id, seq: 3 });
    const offline = await runTool(['--dir', pages, '--kept', kept]);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/3 笔流水/);
  });

  it('fails after a tail rewrite, through the published signed head and through a kept one', async () => {
    const kept = path.join(tmp, 'kept.json');
    expect((await runTool([base, tree.district.id, '--keep-latest', kept])).code).toBe(0);
    await rewriteLastJournal(env, tree.district.id, 800);

    const published = await runTool([base, tree.district.id]);
    expect(published.code).toBe(1);
    expect(published.stderr).toMatch(/NOT VERIFIED/);
    expect(published.stderr).toMatch(/rewritten/);

    // The rewriter also deletes the published signatures: the chain alone then checks out, the kept head does not.
    await withoutGuards(env, ['ledger_head_signatures'], () =>
      env.deps.db.deleteFrom('ledger_head_signatures').where('district_id', '=', tree.district.id).execute(),
    );
    expect((await runTool([base, tree.district.id])).code).toBe(0);
    const withKept = await runTool([base, tree.district.id, '--kept', kept]);
    expect(withKept.code).toBe(1);
    expect(withKept.stderr).toMatch(/您保存的链头/);
  });

  it('fails when the published head is not on the chain', async () => {
    await env.deps.db
      .updateTable('ledger_heads')
      .set({ hash: 'e'.repeat(64) })
      .where('district_id', '=', tree.district.id)
      .execute();
    const res = await runTool([base, tree.district.id]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/the published head \(journal 3, eeeeeeeeeeee…\) is not on the chain/);
  });

  it('fails on a journal altered without recomputing, and on a forged kept head', async () => {
    await withoutGuards(env, ['journals'], () =>
      env.deps.db
        .updateTable('journals')
        .set({ reason: '奖励：改过的原因' })
        .where('district_id', '=', tree.district.id)
        .where('seq', '=', 2)
        .execute(),
    );
    const altered = await runTool([base, tree.district.id]);
    expect(altered.code).toBe(1);
    expect(altered.stderr).toMatch(/journal 2 does not match its hash/);

    const forged = path.join(tmp, 'forged.json');
    const [head] = (await signLedgerHeads(env.deps, { districtId: tree.district.id })).map((o) => o.head);
    fs.writeFileSync(forged, JSON.stringify({ ...head, hash: 'f'.repeat(64) }));
    const res = await runTool([base, tree.district.id, '--kept', forged]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/not valid/);
  });
});
