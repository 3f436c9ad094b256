import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_NODE_FLAGS } from './node-flags';

describe('the production server’s Node.js flags', () => {
  it('are the same for npm start and the image', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(start).toBe(`NODE_ENV=production node ${PRODUCTION_NODE_FLAGS.join(' ')} dist/server/index.mjs`);
    const cmd = readFileSync('Dockerfile', 'utf8').match(/^CMD (\[.*\])$/m)![1]!;
    expect(JSON.parse(cmd)).toEqual(['node', ...PRODUCTION_NODE_FLAGS, 'dist/server/index.mjs']);
  });
});
