// Compare two V8 heap snapshots (.heapsnapshot, e.g. from bench/realtime/run.ts with
// BENCH_HEAP_DIR) by type: for each node type and name (an object's constructor, a closure's
// function name, an internal array's role), how many more objects and bytes (self size) the second
// holds; divided by `per` (the clients connected in between) when given.
//
//   [HEAP_SHAPES=1] npx tsx bench/realtime/heap-summary.ts <before.heapsnapshot> <after.heapsnapshot> [per] [rows=40]
// (HEAP_SHAPES=1: plain objects, closures and contexts apart by their first property names)
import { readFileSync } from 'node:fs';

type Group = { count: number; bytes: number };

/** Self sizes by type and name; reads the nodes array without parsing the whole file as one string. */
export function summarise(file: string, shapes = false): Map<string, Group> {
  const buf = readFileSync(file);
  const nodesAt = buf.indexOf('"nodes":[');
  const header = JSON.parse(`${buf.subarray(0, nodesAt).toString().replace(/,\s*$/, '')}}`) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
  };
  const { node_fields: fields, node_types: types, edge_fields: edgeFields, edge_types: edgeTypes } = header.snapshot.meta;
  const width = fields.length;
  const [iType, iName, iSize, iEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => fields.indexOf(f));
  const [nums, afterNodes] = readInts(buf, nodesAt + '"nodes":['.length);
  const edgesAt = buf.indexOf('"edges":[', afterNodes);
  const [edges, afterEdges] = readInts(buf, edgesAt + '"edges":['.length);
  const stringsAt = buf.indexOf('"strings":[', afterEdges);
  const end = buf.lastIndexOf(']');
  const strings = JSON.parse(buf.subarray(stringsAt + '"strings":'.length, end + 1).toString()) as string[];
  const groups = new Map<string, Group>();
  const ew = edgeFields.length;
  const [eType, eName] = ['type', 'name_or_index'].map((f) => edgeFields.indexOf(f));
  let edge = 0;
  for (let k = 0; k + width <= nums.length; k += width) {
    const type = types[0][nums[k + iType!]!] ?? '?';
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' || type === 'number' ? '' : strings[nums[k + iName!]!]!.slice(0, 60);
    let key = `${type} ${name}`.trim();
    const count = nums[k + iEdges!]!;
    // Plain objects and closures: which ones, by their first property names (or the closure's context's variables).
    if (shapes && (key === 'object Object' || key === 'closure' || key === 'object system / Context')) {
      const props: string[] = [];
      for (let e = edge; e < edge + count * ew && props.length < 5; e += ew) {
        const et = edgeTypes[0][edges[e + eType!]!];
        if (et === 'property' || et === 'context') props.push(strings[edges[e + eName!]!]!);
      }
      key += ` {${props.join(', ')}}`;
    }
    edge += count * ew;
    const g = groups.get(key) ?? { count: 0, bytes: 0 };
    g.count++;
    g.bytes += nums[k + iSize!]!;
    groups.set(key, g);
  }
  return groups;
}

/** Comma-separated integers from `at` up to the closing bracket, and where it ends. */
function readInts(buf: Buffer, at: number): [number[], number] {
  const nums: number[] = [];
  let n = 0;
  let inNum = false;
  let i = at;
  for (; i < buf.length; i++) {
    const c = buf[i]!;
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      inNum = true;
    } else {
      if (inNum) nums.push(n);
      n = 0;
      inNum = false;
      if (c === 93) break; // ]
    }
  }
  return [nums, i];
}

if (process.argv[1]?.endsWith('heap-summary.ts')) {
  const [before, after, perArg, rowsArg] = process.argv.slice(2);
  if (!before || !after) throw new Error('usage: heap-summary.ts <before.heapsnapshot> <after.heapsnapshot> [per] [rows]');
  const per = Number(perArg ?? 1) || 1;
  const shapes = process.env.HEAP_SHAPES === '1';
  const a = summarise(before, shapes);
  const b = summarise(after, shapes);
  const total = (m: Map<string, Group>) => [...m.values()].reduce((s, g) => s + g.bytes, 0);
  const rows = [...new Set([...a.keys(), ...b.keys()])]
    .map((key) => {
      const x = a.get(key) ?? { count: 0, bytes: 0 };
      const y = b.get(key) ?? { count: 0, bytes: 0 };
      return { key, count: y.count - x.count, bytes: y.bytes - x.bytes };
    })
    .sort((p, q) => q.bytes - p.bytes)
    .slice(0, Number(rowsArg ?? 40));
  console.log(`heap (self sizes): ${(total(a) / 2 ** 20).toFixed(1)} MB → ${(total(b) / 2 ** 20).toFixed(1)} MB; growth ${((total(b) - total(a)) / per).toFixed(0)} B per ${per > 1 ? 'client' : 'snapshot'}\n`);
  console.log(`| type and name | objects${per > 1 ? ' per client' : ''} | bytes${per > 1 ? ' per client' : ''} |`);
  console.log('| --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.key.replace(/\|/g, '\\|').replace(/\n/g, ' ')} | ${(r.count / per).toFixed(per > 1 ? 2 : 0)} | ${(r.bytes / per).toFixed(0)} |`);
}
