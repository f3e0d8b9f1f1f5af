// The operator's commands of issue 14: `linli verify-audit` seals pending audit events and names an altered one
// (exit 1); `linli sign-ledger-head` signs each district's head once a day and prints the public key.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve('bin/linli.mjs');

describe('linli verify-audit and sign-ledger-head', () => {
  it(
    'verifies the demo, signs heads once a day, and names an audit event altered in the file',
    { timeout: 120_000 },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-audit-cli-'));
      const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LANG: 'en_US.UTF-8' };
      try {
        await run('node', [BIN, 'seed', '--demo'], { env });
        // The seed sealed its own events before exiting: nothing is left for verify-audit to seal.
        const sealedBySeed = await run('node', [BIN, 'verify-audit', '--no-seal'], { env });
        expect(sealedBySeed.stdout).toMatch(/: [1-9]\d* audit events sealed/);
        expect(sealedBySeed.stdout).toMatch(/audit log verified/);
        const ok = await run('node', [BIN, 'verify-audit'], { env });
        expect(ok.stdout).toMatch(/audit events sealed/);
        expect(ok.stdout).toMatch(/audit log verified/);
        const signed = await run('node', [BIN, 'sign-ledger-head'], { env });
        expect(signed.stdout).toMatch(/^signed /m);
        expect((await run('node', [BIN, 'sign-ledger-head'], { env })).stdout).toMatch(/^already signed /m);
        // The audit heads it printed, kept by an auditor, check out against the chain.
        expect(signed.stdout).toMatch(/^audit head signed: \{/m);
        const kept = path.join(dir, 'kept-audit-heads.txt');
        fs.writeFileSync(kept, signed.stdout);
        const withKept = await run('node', [BIN, 'verify-audit', '--kept', kept], { env });
        expect(withKept.stdout).toMatch(/audit log verified/);
        const forged = path.join(dir, 'forged.txt');
        fs.writeFileSync(forged, signed.stdout.replace(/"hash":"[0-9a-f]{4}/, '"hash":"ffff'));
        const bad = await run('node', [BIN, 'verify-audit', '--kept', forged], { env }).catch(
          (e: { code: number; stderr: string }) => e,
        );
        expect((bad as { code: number }).code).toBe(1);
        expect((bad as { stderr: string }).stderr).toMatch(/you kept is not valid/);

        const db = new SQLite(path.join(dir, 'linli.db'));
        db.exec('drop trigger audit_events_no_update');
        const row = db.prepare('select district_id, id from audit_events order by id limit 1').get() as {
          district_id: string;
          id: string;
        };
        db.prepare(`update audit_events set details = '{}' where district_id = ? and id = ?`).run(
          row.district_id,
          row.id,
        );
        db.close();
        const err = await run('node', [BIN, 'verify-audit'], { env }).catch((e: { code: number; stderr: string }) => e);
        expect((err as { code: number }).code).toBe(1);
        expect((err as { stderr: string }).stderr).toContain(`BAD ${row.district_id} event ${row.id} (seal 1)`);
        expect((err as { stderr: string }).stderr).toContain('differs from what was sealed');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
