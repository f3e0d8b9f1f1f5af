// Process entry and CLI: start, migrate, seed --demo, backup <file>, create-district, platform-admin.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import { openRuntime, type Runtime } from './bootstrap.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { AppError } from './platform/errors.js';
import { ERROR_TEXTS, translate } from './platform/messages.js';
import { isEmpty, seedDemo } from './modules/demo/index.js';
import { grantPlatformAdmin, startDistrict } from './modules/accounts/index.js';
import { restoreSqlite } from './db/restore.js';
import { looseDataPermissions } from './platform/files.js';
import { PHONE_RE } from './platform/privacy.js';
import {
  expirePoints,
  getLedgerPublicKey,
  processLedgerEvents,
  signLedgerHeads,
  verifyLedger,
} from './modules/ledger/index.js';
import { sealAuditEvents, signAuditHeads, type SignedAuditHead, verifyAuditChain } from './platform/audit.chain.js';
import { expireVouchers } from './modules/mall/index.js';
import { deliverDue, processNotificationEvents, scanScheduledNotices } from './modules/notifications/index.js';

const USAGE = `linli — community volunteer service and points bank

Usage: linli <command>
  start                 migrate, seed the demo district on an empty database, serve on PORT (default 3000)
  migrate               bring the database schema up to date
  seed --demo           load the demo district (示范区) if it is not there yet
  backup <file>         copy the SQLite database online to <file> (PostgreSQL: use pg_dump)
  restore <file> [--force]  put a SQLite backup in place (checked first; --force replaces a database holding data);
                        DATA_DIR/secret.key (or LINLI_SECRET) must be the one the backup was made with
  create-district --name <name> --admin-phone <phone> [--admin-name <name>] [--code <12 digits>]
                        start a new district with its first district admin; a new account's one-time
                        password is printed once and must be changed at first login
  platform-admin --phone <phone>  let a registered person start new districts from the API (createDistrict)
  verify-ledger         recompute every hash chain and balance, reconcile accepted hours with earnings; exits 1 naming each problem
  verify-audit [--no-seal] [--kept <file>]  seal pending audit events, then recompute the audit log's hash chain
                        and check its signed heads (and those kept in <file>); exits 1 naming each event changed or
                        missing, seal rewritten, head not reached, or event left unsealed too long
  sign-ledger-head [--district <id>]  sign today's ledger and audit heads of each district with the installation's
                        key (the server does it daily); prints the audit heads as JSON to keep, and the public key
  process-events        turn accepted service records into points and events into notices now, send due
                        SMS/WeChat deliveries and reminders (the server also does it continuously)
  expire-points [--year YYYY]     expire points per each district's policy at the end of YYYY (default: last year)
  expire-vouchers       refund vouchers past their expiry (the server also does it hourly)

Environment: PORT, HOST, DATA_DIR (./data), DATABASE_URL (unset = SQLite), LOG_LEVEL, LINLI_SECRET,
LINLI_DEMO_PASSWORD, LINLI_SEED_DEMO, COOKIE_SECURE, LOGIN_RATE_LIMIT.`;

async function start(config: Config): Promise<void> {
  const rt = await openRuntime(config);
  if (config.seedDemo && (await isEmpty(rt.deps))) {
    await seedDemo(rt.deps, config.demoPassword);
    console.log('已载入演示数据（示范区）。Demo district loaded.');
  }
  const app = await buildApp(rt.deps, { logger: { level: config.logLevel } });
  const shutdown = async () => {
    await app.close();
    await rt.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const where = `http://localhost:${config.port}`;
  console.log(`linli 已启动 / running: ${where}  (居民端 ${where}/ · 管理后台 ${where}/admin · API ${where}/api/docs)`);
  console.log(
    `database: ${rt.deps.dialect}${rt.deps.dialect === 'sqlite' ? ` (${path.join(config.dataDir, 'linli.db')})` : ''}`,
  );
  for (const p of looseDataPermissions(config.dataDir)) {
    console.warn(
      `警告：${p.path} 的权限为 ${p.mode}，其他用户可读写；请执行 chmod ${fs.statSync(p.path).isDirectory() ? '700' : '600'} ${p.path}` +
        ` / warning: ${p.path} has mode ${p.mode}, readable by other users`,
    );
  }
}

/**
 * Seals the audit events a command wrote (platform/audit.chain.ts; the server would within seconds, but it may not be
 * running), then closes the database.
 */
async function sealAndClose(rt: Runtime): Promise<void> {
  try {
    await sealAuditEvents(rt.deps);
  } finally {
    await rt.close();
  }
}

/** Audit heads kept in a file: the JSON lines (or one JSON value, or an array) `sign-ledger-head` printed. */
function keptAuditHeads(file: string | undefined): SignedAuditHead[] | undefined {
  if (!file) return undefined;
  const text = fs.readFileSync(file, 'utf8').trim();
  const values = text.startsWith('[')
    ? (JSON.parse(text) as unknown[])
    : text
        .split('\n')
        .filter((l) => l.includes('{'))
        .map((l) => JSON.parse(l.slice(l.indexOf('{'))) as unknown);
  return values.flatMap((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v])) as SignedAuditHead[];
}

/** The value after a `--flag` argument, if present. */
function option(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  const value = i >= 0 ? args[i + 1] : undefined;
  return value && !value.startsWith('--') ? value : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  switch (command) {
    case 'start':
      await start(config);
      return -1;
    case 'migrate': {
      const rt = await openRuntime(config);
      console.log(`database ${rt.deps.dialect} is up to date`);
      await rt.close();
      return 0;
    }
    case 'seed': {
      if (!args.includes('--demo')) {
        console.error('usage: linli seed --demo');
        return 2;
      }
      const rt = await openRuntime(config);
      const done = await seedDemo(rt.deps, config.demoPassword);
      console.log(done ? '已载入演示数据（示范区）' : '演示数据已存在，未重复载入 (demo district already present)');
      await sealAndClose(rt);
      return 0;
    }
    case 'backup': {
      const file = args[0];
      if (!file) {
        console.error('usage: linli backup <file>');
        return 2;
      }
      if (config.databaseUrl) {
        console.error(
          'PostgreSQL 请使用 pg_dump 备份 / On PostgreSQL use pg_dump, e.g. pg_dump "$DATABASE_URL" > linli.sql',
        );
        return 2;
      }
      const rt = await openRuntime(config);
      await rt.database.sqlite!.backup(path.resolve(file));
      console.log(`backup written to ${path.resolve(file)}`);
      console.log(
        `请把 ${path.join(config.dataDir, 'secret.key')} 与备份分开妥善保存：没有它，备份中加密的个人信息无法读取` +
          ' / keep secret.key safe (apart from the backup): without it the encrypted personal data cannot be read',
      );
      await rt.close();
      return 0;
    }
    case 'restore': {
      const file = args.find((a) => !a.startsWith('--'));
      if (!file) {
        console.error('usage: linli restore <file> [--force]');
        return 2;
      }
      if (config.databaseUrl) {
        console.error(
          'PostgreSQL 请使用 pg_restore 恢复 / On PostgreSQL restore with pg_restore, e.g. ' +
            'pg_restore --clean --if-exists -d "$DATABASE_URL" linli.dump (see docs/OPERATIONS.md)',
        );
        return 2;
      }
      const outcome = await restoreSqlite(path.resolve(file), config.dataDir, args.includes('--force'));
      if (!outcome.ok) {
        const why = {
          not_found: `找不到备份文件 / no such file: ${path.resolve(file)}`,
          not_linli: `这不是邻里的数据库备份 / not a linli database backup${outcome.detail ? ` (${outcome.detail})` : ''}`,
          corrupt: `备份文件已损坏 / the backup is damaged: ${outcome.detail ?? ''}`,
          not_empty:
            `数据目录 ${config.dataDir} 已有数据，未覆盖；确认要用备份替换时加 --force` +
            ` / ${config.dataDir} already holds data; add --force to replace it`,
        }[outcome.reason];
        console.error(why);
        return 2;
      }
      console.log(`已恢复 / restored: ${outcome.target} (${outcome.communities} 个社区 / communities)`);
      // The key is not in the backup: without one, starting would make a new key that opens nothing of it.
      if (!config.secret && !fs.existsSync(path.join(config.dataDir, 'secret.key'))) {
        console.error(
          `警告：${config.dataDir} 中没有 secret.key，也未设置 LINLI_SECRET。请放回做备份时的 secret.key 再启动，` +
            '否则加密的手机号、姓名、身份证号无法读取。' +
            ` / WARNING: no secret.key in ${config.dataDir} and no LINLI_SECRET: put back the key the backup was made` +
            ' with before starting, or encrypted phones, names and ID numbers cannot be read.',
        );
        return 1;
      }
      // Check the key opens what the backup encrypted.
      const rt = await openRuntime(config);
      try {
        const row = await rt.deps.db.selectFrom('users').select('phone_enc').limit(1).executeTakeFirst();
        if (row) rt.deps.cipher.decrypt(row.phone_enc);
      } catch {
        console.error(
          '警告：当前的 secret.key（或 LINLI_SECRET）不是做备份时的那把，加密的手机号、姓名、身份证号无法读取。' +
            '请放回原来的 secret.key 后再启动。' +
            ' / WARNING: this secret.key (or LINLI_SECRET) is not the one the backup was made with; encrypted phones,' +
            ' names and ID numbers cannot be read. Put the original secret.key back before starting.',
        );
        return 1;
      } finally {
        await rt.close();
      }
      console.log('密钥与备份匹配 / the secret key matches the backup');
      return 0;
    }
    case 'create-district': {
      const name = option(args, '--name');
      const phone = option(args, '--admin-phone');
      const code = option(args, '--code');
      if (!name || !phone || !PHONE_RE.test(phone) || (code && !/^\d{12}$/.test(code))) {
        console.error(
          'usage: linli create-district --name <name> --admin-phone <11-digit phone> [--admin-name <name>] [--code <12 digits>]',
        );
        return 2;
      }
      const rt = await openRuntime(config);
      try {
        const started = await startDistrict(rt.deps, null, {
          name,
          code,
          adminPhone: phone,
          adminName: option(args, '--admin-name'),
        });
        console.log(`已开通 ${started.district.name}（${started.district.id}）。district created.`);
        console.log(`区管理员 / district admin: ${started.admin.phoneMasked}`);
        if (started.admin.temporaryPassword) {
          console.log(`一次性密码 / one-time password: ${started.admin.temporaryPassword}`);
          console.log('首次登录后须立即修改密码；此密码不会再次显示。Change it at first login; it is not shown again.');
        } else {
          console.log('该手机号已注册，用原有密码登录。This phone already has an account: log in with its password.');
        }
        return 0;
      } catch (e) {
        if (e instanceof AppError) {
          console.error(translate(ERROR_TEXTS, e.code, 'zh-CN', e.params));
          return 2;
        }
        throw e;
      } finally {
        await sealAndClose(rt);
      }
    }
    case 'platform-admin': {
      const phone = option(args, '--phone');
      if (!phone || !PHONE_RE.test(phone)) {
        console.error('usage: linli platform-admin --phone <11-digit phone>');
        return 2;
      }
      const rt = await openRuntime(config);
      const done = await grantPlatformAdmin(rt.deps, phone);
      await sealAndClose(rt);
      if (!done) {
        console.error('该手机号尚未注册 / no account has this phone');
        return 2;
      }
      console.log('已设为平台运营人员（可开通新区）/ now a platform operator');
      return 0;
    }
    case 'verify-ledger': {
      const rt = await openRuntime(config);
      const t0 = Date.now();
      // Problems in Chinese unless the operator's shell asks for English (LANG=en_…).
      const report = await verifyLedger(rt.deps, { locale: /^en/i.test(process.env.LANG ?? '') ? 'en' : 'zh-CN' });
      const ms = Date.now() - t0;
      for (const d of report.districts)
        console.log(`district ${d.districtId}: ${d.journals} journals, head ${d.headHash}`);
      console.log(`${report.accounts} accounts checked in ${ms} ms`);
      await rt.close();
      if (!report.ok) {
        for (const p of report.problems) {
          console.error(
            `BAD ${p.districtId}${p.journalId ? ` journal ${p.journalId} (seq ${p.seq})` : ''}: ${p.problem}`,
          );
        }
        return 1;
      }
      console.log('ledger verified: every chain and balance is intact');
      return 0;
    }
    case 'verify-audit': {
      const rt = await openRuntime(config);
      try {
        const report = await verifyAuditChain(rt.deps, {
          locale: /^en/i.test(process.env.LANG ?? '') ? 'en' : 'zh-CN',
          seal: !args.includes('--no-seal'),
          kept: keptAuditHeads(option(args, '--kept')),
        });
        for (const d of report.districts)
          console.log(`district ${d.districtId}: ${d.seals} audit events sealed, head ${d.headHash}`);
        if (!report.ok) {
          for (const p of report.problems) {
            console.error(
              `BAD ${p.districtId}${p.eventId ? ` event ${p.eventId}` : ''}${p.seq ? ` (seal ${p.seq})` : ''}: ${p.problem}`,
            );
          }
          return 1;
        }
        console.log('审计日志核验通过 / audit log verified: every sealed event is intact');
        return 0;
      } finally {
        await rt.close();
      }
    }
    case 'sign-ledger-head': {
      const rt = await openRuntime(config);
      try {
        const outcomes = await signLedgerHeads(rt.deps, { districtId: option(args, '--district') });
        let refused = 0;
        for (const o of outcomes) {
          if (o.refused) {
            refused += 1;
            console.error(`BAD ${o.districtId}: 链未能从上次签名的链头延续，未签名 / not signed: ${o.refused}`);
          } else if (o.head) {
            console.log(
              `${o.created ? 'signed' : 'already signed'} ${o.districtId} ${o.head.day}: seq ${o.head.seq} ${o.head.hash} (key ${o.head.keyId})`,
            );
          }
        }
        // The audit chain's heads too (sealed first): printed as JSON lines an auditor can keep for verify-audit --kept.
        await sealAuditEvents(rt.deps, { districtId: option(args, '--district'), fullScan: true });
        for (const o of await signAuditHeads(rt.deps, { districtId: option(args, '--district') })) {
          if (o.refused) {
            refused += 1;
            console.error(
              `BAD ${o.districtId}: 审计链未能从上次签名的链头延续，未签名 / audit head not signed: ${o.refused}`,
            );
          } else if (o.head)
            console.log(`audit head ${o.created ? 'signed' : 'already signed'}: ${JSON.stringify(o.head)}`);
        }
        console.log(`public key / 公钥: ${getLedgerPublicKey(rt.deps).publicKey}`);
        return refused ? 1 : 0;
      } finally {
        await rt.close();
      }
    }
    case 'process-events': {
      const rt = await openRuntime(config);
      // A full scan: also an event whose producer committed long after it was minted (see docs/LEDGER.md).
      let failed = 0;
      const onError = (err: unknown) => {
        failed += 1;
        console.error(err);
      };
      const handled = await processLedgerEvents(rt.deps, { fullScan: true, onError });
      const notified = await processNotificationEvents(rt.deps, { fullScan: true, onError });
      const reminded = await scanScheduledNotices(rt.deps);
      const delivered = await deliverDue(rt.deps);
      console.log(`notifications: ${notified} events, ${reminded} reminders, ${delivered} deliveries sent`);
      console.log(`processed ${handled} events${failed ? `, ${failed} failed (left for the next run)` : ''}`);
      if (failed) {
        await sealAndClose(rt);
        return 1;
      }
      await sealAndClose(rt);
      return 0;
    }
    case 'expire-points': {
      const i = args.indexOf('--year');
      const rt = await openRuntime(config);
      const year = i >= 0 ? Number(args[i + 1]) : new Date().getFullYear() - 1;
      if (!Number.isInteger(year) || year < 2000) {
        console.error('usage: linli expire-points [--year YYYY]');
        await rt.close();
        return 2;
      }
      const districts = await rt.deps.db
        .selectFrom('org_nodes')
        .select(['id', 'name'])
        .where('kind', '=', 'district')
        .execute();
      for (const d of districts) {
        const r = await expirePoints(rt.deps, d.id, year);
        console.log(`${d.name}: ${r.points} points expired in ${r.accounts} accounts`);
      }
      await sealAndClose(rt);
      return 0;
    }
    case 'expire-vouchers': {
      const rt = await openRuntime(config);
      console.log(`${await expireVouchers(rt.deps)} expired vouchers refunded`);
      await sealAndClose(rt);
      return 0;
    }
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError) {
      console.error(`配置错误 / configuration error: ${err.message}`);
      process.exit(78);
    }
    console.error(err);
    process.exit(1);
  },
);
