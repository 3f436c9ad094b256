import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// bench/media-latency: the main configuration (its servers, Chromium, ports), this folder's one spec.
// Run only inside the media namespace: `scripts/recording-e2e.sh --config bench/media-latency/playwright.config.ts`.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const servers = Array.isArray(base.webServer) ? base.webServer : base.webServer ? [base.webServer] : [];

export default defineConfig({
  ...base,
  testDir: here,
  testMatch: /latency\.spec\.ts$/,
  testIgnore: [],
  timeout: 900_000,
  reporter: [['list']],
  webServer: servers.map((s) => ({ ...s, cwd: root })),
});
