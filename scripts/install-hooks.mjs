// `npm run hooks:install`: copies scripts/pre-commit into this clone's git hooks folder.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const hooksDir = resolve(
  root,
  execFileSync('git', ['rev-parse', '--git-path', 'hooks'], { cwd: root, encoding: 'utf8' }).trim(),
);
const source = join(root, 'scripts', 'pre-commit');
const target = join(hooksDir, 'pre-commit');

if (existsSync(target) && readFileSync(target, 'utf8') !== readFileSync(source, 'utf8')) {
  copyFileSync(target, `${target}.before-linli`);
  console.log(`kept your previous hook as ${target}.before-linli`);
}
mkdirSync(hooksDir, { recursive: true });
copyFileSync(source, target);
chmodSync(target, 0o755);
console.log(`installed ${target}: runs eslint --fix and prettier --write on staged files`);
