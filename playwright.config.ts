import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3107);
const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 3109);
const smtpHttpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 3108);
export const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium, never a downloaded browser; loopback only.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

// The recording and streaming tests need LiveKit Egress, run apart inside a private network namespace
// (scripts/recording-e2e.sh sets RECORDING_E2E=1): they run there, and only there.
const recording = process.env.RECORDING_E2E === '1';

export default defineConfig({
  testDir: 'e2e',
  ...(recording ? { testMatch: /(recording|streaming|diffusion)\.spec\.ts$/ } : { testIgnore: /(recording|streaming|diffusion)\.spec\.ts$/ }),
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: recording ? 'test-results/recording.json' : 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: [
    {
      command: 'npx tsx e2e/support/smtp-sink.ts',
      url: `http://127.0.0.1:${smtpHttpPort}/health`,
      env: { SMTP_SINK_PORT: String(smtpPort), SMTP_SINK_HTTP_PORT: String(smtpHttpPort) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'npm run start',
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: baseURL,
        DATA_DIR: process.env.E2E_DATA_DIR ?? '.test-data/e2e',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        NEXTAUTH_SECRET: 'e2e-secret-0123456789abcdef',
        BADGE_KEY_SECRET: 'e2e-badge-key-secret-0123456789abcdef',
        ADMIN_EMAILS: 'admin-e2e@chemins.test',
        LOG_LEVEL: 'warn',
        MAIL_POLL_MS: '300',
        // A breakout round's minute lasts 40 seconds here: e2e/breakouts.spec.ts's 2-minute round ends within the test.
        BREAKOUT_MINUTE_SECONDS: '40',
        // The suite signs the same people in many times from 127.0.0.1: per-e-mail limits above
        // what it uses (the limits themselves are tested in test/integration/security.test.ts).
        RATE_LIMIT_REGISTRATIONS_PER_EMAIL: '1000',
        RATE_LIMIT_REGISTRATIONS_PER_ADDRESS: '5000',
        RATE_LIMIT_WRITES_PER_ADDRESS: '20000',
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
        ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
        ...(process.env.LIVEKIT_URL
          ? {
              LIVEKIT_URL: process.env.LIVEKIT_URL,
              LIVEKIT_API_KEY: process.env.LIVEKIT_API_KEY ?? '',
              LIVEKIT_API_SECRET: process.env.LIVEKIT_API_SECRET ?? '',
            }
          : {}),
      },
    },
  ],
});

export const smtpSinkUrl = `http://127.0.0.1:${smtpHttpPort}`;
/** The SMTP sink itself, for a server a spec starts on its own (e2e/support/own-server.ts). */
export const smtpSinkPort = smtpPort;
