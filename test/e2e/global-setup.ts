// Runs once before the e2e files: checks the browser and installs code-server
// (about a minute the first time, cached after), so no test pays for it.
import { existsSync } from 'node:fs';
import { chromiumPath } from './browser.js';
import { installCodeServer } from './code-server.js';

export default function setup(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: run scripts/ci-system-deps.sh (or set CHROMIUM_PATH)`);
  }
  installCodeServer();
}
