// Pre-test check: the e2e tests need Debian's Chromium. Installs it when running as root, else stops with the command.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM_PATH)) {
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing it with apt-get install -y chromium (about 1.5 minutes)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(
      `The end-to-end tests need Chromium at ${CHROMIUM_PATH}. Install it: sudo apt-get install -y chromium`,
    );
    process.exit(1);
  }
}
