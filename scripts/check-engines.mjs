#!/usr/bin/env node
// Fails when a locked dependency's `engines.node` excludes part of the Node.js versions this
// project supports (package.json `engines.node`, stated in the README), or when the running Node
// is not one of them. Packages that npm never installs on Linux x64/arm64 (the image's and CI's
// platforms: another OS's or CPU's optional binary) are not checked.
import { readFileSync } from 'node:fs';
import semver from 'semver';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const supported = pkg.engines?.node;
if (!supported || !semver.validRange(supported)) {
  console.error(`package.json engines.node is missing or not a semver range: ${JSON.stringify(supported)}`);
  process.exit(1);
}

const installedOnLinux = (entry) =>
  (!entry.os || entry.os.some((os) => os === 'linux' || (os.startsWith('!') && os !== '!linux'))) &&
  (!entry.cpu || entry.cpu.some((cpu) => ['x64', 'arm64'].includes(cpu) || (cpu.startsWith('!') && cpu !== '!x64' && cpu !== '!arm64')));

const excluded = [];
let checked = 0;
let skipped = 0;
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (!path) continue; // the project itself
  const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
  if (!range) continue;
  if (!installedOnLinux(entry)) {
    skipped++;
    continue;
  }
  checked++;
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  if (!semver.validRange(range) || !semver.subset(supported, range)) {
    excluded.push(`  ${name}@${entry.version}${entry.dev ? ' (dev)' : ''}: engines.node "${range}"`);
  }
}

let failed = false;
if (excluded.length) {
  console.error(`These locked packages do not accept every supported Node.js version (${supported}):\n${excluded.join('\n')}`);
  console.error('Narrow engines.node in package.json (and the README), or change these dependencies.');
  failed = true;
}
if (!semver.satisfies(process.version, supported)) {
  console.error(`This Node.js, ${process.version}, is not a supported version (${supported}).`);
  failed = true;
}
if (failed) process.exit(1);
console.log(
  `engines: ${checked} locked packages accept Node.js ${supported} (running ${process.version}); ${skipped} other-platform binaries not checked`,
);
