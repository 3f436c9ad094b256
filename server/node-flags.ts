// The Node.js flags the production server runs with: `npm start` and the image (package.json,
// Dockerfile; `server/node-flags.test.ts` checks that they say the same), and whatever starts the
// built server as production does (the end-to-end tests' own servers, the API contract check, the
// benchmarks).
//
// `--max-old-space-size=1024`: V8 sizes how far its heap may grow before a full collection by the
// heap's limit. With Node's default limit on a machine with lots of memory (about 4 GB here) it
// lets the heap reach four times the live data; with 1 GB, about 1.6 times. At 10,000 realtime
// clients the live heap is about 200 MB and the process held 753 MB (427 MB of it heap V8 kept but
// did not use); with this flag, 449 MB for the same work, as fast (bench/README.md, "Realtime
// memory"). A container with a memory limit gets a lower default limit from Node already; this
// flag makes the process behave the same on a large machine. A process whose live data passed
// 1 GB would stop with an out-of-memory error: at about 40,000 clients on one process, where
// several processes with Redis are the plan anyway (docs/architecture.md, "Realtime").
export const PRODUCTION_NODE_FLAGS = ['--enable-source-maps', '--max-old-space-size=1024'] as const;
