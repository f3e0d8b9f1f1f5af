#!/usr/bin/env node
// linli 积分账本独立核验工具 / standalone verifier of a linli points ledger.
// Plain Node.js 20, no dependencies, nothing imported from linli: copy this one file anywhere and run it.
//
//   node verify-chain.mjs <base URL> <district id> [--kept <file>] [--save <dir>] [--keep-latest <file>]
//   node verify-chain.mjs --dir <dir> [--kept <file>]
//
// It downloads (or reads from --dir) the district's whole public chain, the signed heads and the public key, then
//  1. recomputes every journal's SHA-256 hash from its canonical encoding and checks each link to the one before;
//  2. checks every published signed head's Ed25519 signature and that the chain still has that hash at that seq;
//  3. with --kept, does the same for a signed head you saved earlier: if the ledger was rewritten below it since,
//     the chain no longer reaches it, and no one without the installation's key can sign a replacement.
// --save <dir> keeps the downloaded pages (to check again later with --dir); --keep-latest <file> saves the newest
// signed head with the public key, for a later --kept. Exit code 0: intact; 1: a problem (printed) or an error.
import { createHash, createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const GENESIS = '0'.repeat(64);

function usage() {
  console.error(
    [
      '用法 / usage:',
      '  node verify-chain.mjs <base URL> <district id> [--kept <file>] [--save <dir>] [--keep-latest <file>]',
      '  node verify-chain.mjs --dir <dir> [--kept <file>]',
    ].join('\n'),
  );
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--kept' || a === '--save' || a === '--dir' || a === '--keep-latest') {
      const v = argv[i + 1];
      if (!v) usage();
      opts[a.slice(2)] = v;
      i += 1;
    } else if (a.startsWith('--')) usage();
    else opts.positional.push(a);
  }
  return opts;
}

/** The canonical encoding linli hashes (docs/LEDGER.md, "The hash chain"). */
function journalHash(districtId, j) {
  const postings = [...j.postings].sort((a, b) => a.line - b.line).map((p) => [p.line, p.accountId, p.amount]);
  const encoded = JSON.stringify([
    'linli-journal-v1',
    districtId,
    j.seq,
    j.id,
    j.type,
    j.reason,
    j.refType,
    j.refId,
    j.actorId,
    j.idempotencyKey,
    j.reversesId,
    j.communityId,
    j.effectiveDate,
    j.createdAt,
    postings,
    j.prevHash,
  ]);
  return createHash('sha256').update(encoded, 'utf8').digest('hex');
}

/** What a signed head's signature covers (docs/LEDGER.md, "Checking the ledger yourself"). */
function headMessage(h) {
  return Buffer.from(JSON.stringify(['linli-ledger-head-v1', h.districtId, h.day, h.seq, h.hash, h.signedAt]), 'utf8');
}

function publicKeyFrom(base64) {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new Error('public key is not 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function signatureValid(keyBase64, h) {
  try {
    return verify(null, headMessage(h), publicKeyFrom(keyBase64), Buffer.from(h.signature, 'base64'));
  } catch {
    return false;
  }
}

async function getJson(url) {
  // Public reads are rate limited per address: on 429 wait as told (Retry-After, else 10 s) and try again.
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (res.status === 429 && attempt < 30) {
      const wait = Math.min(Math.max(Number(res.headers.get('retry-after')) || 10, 1), 120);
      console.log(`服务器限流，${wait} 秒后继续 / rate limited, continuing in ${wait} s`);
      await new Promise((r) => setTimeout(r, wait * 1000));
      continue;
    }
    if (!res.ok) throw new Error(`${url} → HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
    return res.json();
  }
}

/** Downloads everything (and writes it to `save` when given). */
async function download(base, districtId, save) {
  const root = base.replace(/\/+$/, '');
  const d = encodeURIComponent(districtId);
  const write = (name, data) => {
    if (save) fs.writeFileSync(path.join(save, name), JSON.stringify(data, null, 1));
  };
  if (save) fs.mkdirSync(save, { recursive: true });
  const key = await getJson(`${root}/api/v1/public/ledger/public-key`);
  write('public-key.json', key);
  const heads = [];
  let cursor = null;
  let n = 0;
  do {
    const page = await getJson(
      `${root}/api/v1/public/ledger/${d}/signed-heads?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    write(`signed-heads-${String(++n).padStart(4, '0')}.json`, page);
    heads.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const chain = [];
  let head;
  cursor = null;
  n = 0;
  do {
    const page = await getJson(
      `${root}/api/v1/public/ledger/${d}/chain?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    write(`chain-${String(++n).padStart(6, '0')}.json`, page);
    chain.push(...page.items);
    head = page.head;
    cursor = page.nextCursor;
  } while (cursor);
  return { districtId, key, heads, chain, head };
}

/** Reads pages saved with --save. */
function readDir(dir) {
  const files = fs.readdirSync(dir).sort();
  const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const key = read('public-key.json');
  const heads = files.filter((f) => f.startsWith('signed-heads-')).flatMap((f) => read(f).items);
  const pages = files.filter((f) => f.startsWith('chain-')).map(read);
  const districtId = pages[0]?.districtId ?? heads[0]?.districtId;
  if (!districtId) throw new Error(`${dir} holds no chain pages`);
  return { districtId, key, heads, chain: pages.flatMap((p) => p.items), head: pages.at(-1)?.head ?? null };
}

function check({ districtId, key, heads, chain, head }, kept) {
  const problems = [];
  const bad = (zh, en) => problems.push(`${zh} / ${en}`);
  // 1. Every hash and link.
  const hashAt = new Map();
  let prev = GENESIS;
  let expected = 1;
  for (const j of chain) {
    if (j.seq !== expected) {
      bad(`第 ${expected} 笔流水缺失（见到第 ${j.seq} 笔）`, `journal ${expected} is missing (found ${j.seq})`);
      break;
    }
    if (j.prevHash !== prev) {
      bad(`第 ${j.seq} 笔流水与上一笔的链接不符`, `journal ${j.seq} does not link to the one before`);
      break;
    }
    const sum = j.postings.reduce((s, p) => s + p.amount, 0);
    if (sum !== 0 || j.postings.length < 2) {
      bad(`第 ${j.seq} 笔流水借贷不平`, `journal ${j.seq} does not balance`);
      break;
    }
    const h = journalHash(districtId, j);
    if (h !== j.hash) {
      bad(`第 ${j.seq} 笔流水的内容与其哈希不符（被改动）`, `journal ${j.seq} does not match its hash (altered)`);
      break;
    }
    hashAt.set(j.seq, h);
    prev = h;
    expected += 1;
  }
  const count = expected - 1;
  // The published head (read with the last page, before its journals): the chain must reach it.
  if (head && head.count > 0 && count === chain.length && hashAt.get(head.count) !== head.hash)
    bad(
      `公布的链头（第 ${head.count} 笔，${head.hash.slice(0, 12)}…）与链上的流水不符`,
      `the published head (journal ${head.count}, ${head.hash.slice(0, 12)}…) is not on the chain`,
    );
  // 2. Every published signed head.
  const checkHead = (h, keyBase64, label) => {
    if (h.districtId !== districtId) {
      bad(`${label}属于另一个区（${h.districtId}）`, `${label} is of another district (${h.districtId})`);
      return;
    }
    if (!signatureValid(keyBase64, h)) {
      bad(`${label}（${h.day}）的签名无效`, `the signature of ${label} (${h.day}) is not valid`);
      return;
    }
    if (h.seq === 0) return;
    const actual = hashAt.get(h.seq);
    if (actual === undefined)
      bad(
        `${label}（${h.day}）是第 ${h.seq} 笔，链上只有 ${count} 笔可核验的流水：账本被删改`,
        `${label} (${h.day}) is journal ${h.seq}, but only ${count} journals verify: the ledger was cut or rewritten`,
      );
    else if (actual !== h.hash)
      bad(
        `${label}（${h.day}）第 ${h.seq} 笔的哈希为 ${h.hash.slice(0, 12)}…，现在的链上是 ${actual.slice(0, 12)}…：账本在此之前被改写`,
        `${label} (${h.day}) has ${h.hash.slice(0, 12)}… at journal ${h.seq}; the chain now has ${actual.slice(0, 12)}…: rewritten`,
      );
  };
  for (const h of heads) checkHead(h, key.publicKey, '公示的签名链头 / published signed head');
  // 3. The head the citizen kept.
  if (kept) {
    if (kept.publicKey && kept.publicKey !== key.publicKey)
      console.log(
        '注意：保存的链头使用的公钥与现在公布的不同（密钥已更换），按保存的公钥核验 / note: the kept head was signed with ' +
          'another public key than the one published now (the key was changed); checking with the kept key',
      );
    checkHead(kept, kept.publicKey ?? key.publicKey, '您保存的链头 / the head you kept');
  }
  return { problems, count, last: prev };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let data;
  if (opts.dir) data = readDir(opts.dir);
  else {
    const [base, districtId] = opts.positional;
    if (!base || !districtId) usage();
    data = await download(base, districtId, opts.save);
  }
  const kept = opts.kept ? JSON.parse(fs.readFileSync(opts.kept, 'utf8')) : null;
  const { problems, count, last } = check(data, kept);
  console.log(
    `区 / district ${data.districtId}: ${data.chain.length} 笔流水 / journals, ${data.heads.length} 个签名链头 / signed heads`,
  );
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`);
    console.error(
      '核验未通过：账本与公示或您保存的记录不符。 / NOT VERIFIED: the ledger does not match what was published or kept.',
    );
    process.exit(1);
  }
  if (opts['keep-latest']) {
    const newest = [...data.heads].sort((a, b) => (a.day < b.day ? 1 : -1))[0];
    if (newest) {
      fs.writeFileSync(opts['keep-latest'], JSON.stringify({ ...newest, publicKey: data.key.publicKey }, null, 1));
      console.log(
        `已保存最新签名链头 / newest signed head saved: ${opts['keep-latest']} (${newest.day}, 第 ${newest.seq} 笔)`,
      );
    }
  }
  console.log(
    `核验通过：每一笔流水的哈希与链接、每个签名链头${kept ? '、您保存的链头' : ''}都相符（共 ${count} 笔，最新哈希 ${last.slice(0, 16)}…）。` +
      ` / VERIFIED: every journal hash and link, every signed head${kept ? ' and the head you kept' : ''} check out.`,
  );
  process.exit(0);
}

main().catch((err) => {
  console.error(`出错 / error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
