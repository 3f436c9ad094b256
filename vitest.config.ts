import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // Faults (docs/architecture.md, "Faults"): each suite starts its own Postgres / Redis /
        // LiveKit on free loopback ports and stops, kills and restarts them. Its own step in the suite.
        resolve: { alias },
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // The development server in Chromium (test/dev/reload-loop.test.ts): its own step in the suite.
        resolve: { alias },
        test: {
          name: 'dev',
          include: ['test/dev/**/*.test.ts'],
          environment: 'node',
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
