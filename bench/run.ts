// npm run bench: runs every benchmark suite (or those named: npm run bench -- foundation).
// npm run bench -- --fuzz: the long fuzz run instead (bench/fuzz.bench.ts).
import { runFoundationBench } from './foundation.bench.js';
import { runFuzzBench } from './fuzz.bench.js';
import { runSignupBench } from './signup.bench.js';
import { runLedgerBench } from './ledger.bench.js';
import { runMallBench } from './mall.bench.js';
import { runMatchingBench } from './matching.bench.js';
import { runServiceMapBench } from './servicemap.bench.js';

const SUITES: Record<string, () => Promise<void>> = {
  foundation: runFoundationBench,
  'signup-rush': runSignupBench,
  ledger: runLedgerBench,
  mall: runMallBench,
  matching: runMatchingBench,
  servicemap: runServiceMapBench,
};

const args = process.argv.slice(2);
if (args.includes('--fuzz')) {
  console.log('== fuzz (long run)');
  await runFuzzBench();
  process.exit(process.exitCode ?? 0);
}
const wanted = args;
for (const [name, run] of Object.entries(SUITES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`== ${name}`);
  await run();
}
process.exit(0);
