// The server build's "web vendor" step (run by Maven in generate-resources): browser libraries come from
// npm, pinned by package-lock.json, and are copied into the console's resources so the jar serves them
// under /web/vendor/ and nothing is fetched from the internet at run time.
//
//   node vendor.mjs <destination directory>
//
// npm ci runs only when node_modules does not hold exactly what the lock file pins, so a second build
// (or an offline one) does not touch the network.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const destination = process.argv[2];
if (!destination) {
  console.error('usage: node vendor.mjs <destination directory>');
  process.exit(2);
}

const read = file => JSON.parse(readFileSync(join(here, file), 'utf8'));

/** True when npm's record of what it installed (node_modules/.package-lock.json) matches the lock file. */
function installed() {
  const record = join(here, 'node_modules', '.package-lock.json');
  if (!existsSync(record)) return false;
  const wanted = read('package-lock.json').packages;
  const have = read('node_modules/.package-lock.json').packages;
  return Object.entries(wanted).filter(([path]) => path !== '')
    .every(([path, p]) => have[path] && have[path].version === p.version && have[path].integrity === p.integrity);
}

if (!installed()) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}
mkdirSync(destination, { recursive: true });
for (const [name, source] of Object.entries(read('package.json').vendor)) {
  copyFileSync(join(here, 'node_modules', source), join(destination, name));
  console.log(`web vendor: ${source} -> ${name}`);
}
