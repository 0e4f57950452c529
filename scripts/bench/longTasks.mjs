#!/usr/bin/env node
// Reads a .cpuprofile (V8 sampling profile) and prints its long tasks: stretches where the
// thread ran JavaScript (no "(idle)"/"(program)" samples) for more than --min ms, each with
// the functions that took most of it (self time, and the deepest frames of the project's code).
//   node scripts/bench/longTasks.mjs file.cpuprofile [--min=40]
import { readFileSync } from 'node:fs';
const file = process.argv[2];
const min = Number(process.argv.find((a) => a.startsWith('--min='))?.split('=')[1] ?? 40);
const p = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
const idle = (n) => n.callFrame.functionName === '(idle)';
let t = p.startTime;
const tasks = [];
let cur;
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i];
  const n = nodes.get(p.samples[i]);
  const dt = p.timeDeltas[i + 1] ?? 0;
  if (idle(n)) {
    if (cur) tasks.push(cur);
    cur = undefined;
    continue;
  }
  cur ??= { start: t, ms: 0, self: new Map(), ours: new Map() };
  cur.ms += dt / 1000;
  cur.self.set(label(n), (cur.self.get(label(n)) ?? 0) + dt / 1000);
  // The deepest frame of the extension's own code on this stack.
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const f = nodes.get(id);
    if (/extension\.js|engineWorker|dist-test|index\.js$/.test(f.callFrame.url) && /corroborate|main|bench/.test(f.callFrame.url)) {
      cur.ours.set(label(f), (cur.ours.get(label(f)) ?? 0) + dt / 1000);
      break;
    }
  }
}
if (cur) tasks.push(cur);
const top = (m, k = 6) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, ms]) => `${ms.toFixed(1)} ms ${l}`).join('\n      ');
for (const task of tasks.filter((x) => x.ms >= min).sort((a, b) => b.ms - a.ms).slice(0, 8)) {
  console.log(`${task.ms.toFixed(0)} ms at +${((task.start - p.startTime) / 1000).toFixed(0)} ms\n   self: ${top(task.self)}\n   in extension code: ${top(task.ours)}`);
}
