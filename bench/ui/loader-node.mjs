// The loading module's own speed, without a browser: runs the wasm that
// `cargo xtask dist` builds for the loading worker (its glue and optimised
// wasm, left in $CARGO_TARGET_DIR/borderlines-dist) in Node's V8 — the
// engine Chromium runs it in — over the bench corpus' .txt files, and
// prints the worker's own figures (read, index and extract, build,
// snapshot). The same messages as the page sends: a job on an empty
// corpus, the files in batches of bytes, then "run". HELPER=1 adds the
// helper the page's worker starts (a second thread that extracts what the
// first indexes), as a Node worker thread. A quick A/B for the loader's
// speed: no page, no main thread, no file reading in the measure.
//
// Usage: [HELPER=1] node bench/ui/loader-node.mjs [N files] [glue.js wasm]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

function start(gluePath, wasmPath) {
  // The no-modules glue declares a global; evaluated in this realm so that
  // its `instanceof` checks see this realm's objects.
  (0, eval)(`${fs.readFileSync(gluePath, 'utf8')}\nglobalThis.borderlines_loader = borderlines_loader;`);
  const loader = globalThis.borderlines_loader;
  loader.initSync({ module: new WebAssembly.Module(fs.readFileSync(wasmPath)) });
  return new loader.Session();
}

if (!isMainThread) {
  // The helper: extracts the batches the first thread sends.
  const session = start(workerData.glue, workerData.wasm);
  parentPort.on('message', (m) => session.handle(m, (msg, transfer) => parentPort.postMessage(msg, [...transfer])));
  parentPort.postMessage({ kind: 'ready' });
} else {
  const dist = path.join(process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache/borderlines/target'), 'borderlines-dist');
  const [nArg, glueArg, wasmArg] = process.argv.slice(2);
  const gluePath = glueArg || path.join(dist, 'borderlines_loader.js');
  const wasmPath = wasmArg || path.join(dist, 'borderlines_loader_opt.wasm');

  const root = path.join(os.homedir(), '.cache/borderlines/bench/files');
  const dir = fs.readdirSync(root).map((d) => path.join(root, d))
    .sort((a, b) => fs.readdirSync(b).length - fs.readdirSync(a).length)[0];
  let names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (nArg) names = names.slice(0, Number(nArg));
  const files = names.map((name) => {
    const b = fs.readFileSync(path.join(dir, name));
    return { name, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) };
  });

  const session = start(gluePath, wasmPath);
  let helper = null;
  let finished;
  const done = new Promise((resolve) => { finished = resolve; });
  const post = (msg, transfer) => {
    if (msg.kind === 'extract') helper?.postMessage(msg, [...transfer]);
    else if (msg.kind === 'done') finished(msg);
    else if (msg.kind === 'error') throw new Error(msg.message);
  };
  if (process.env.HELPER) {
    helper = new Worker(fileURLToPath(import.meta.url), { workerData: { glue: gluePath, wasm: wasmPath } });
    await new Promise((resolve) => helper.once('message', resolve));
    helper.on('message', (m) => session.handle(m, post));
    session.handle({ kind: 'helper', ready: true }, post);
  }
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  session.handle({ kind: 'job', id: 1, base: 'empty', total: files.length }, post);
  const BATCH = 100;
  for (let i = 0; i < files.length; i += BATCH) {
    session.handle({ kind: 'files', id: 1, files: files.slice(i, i + BATCH) }, post);
    await tick();
  }
  session.handle({ kind: 'run', id: 1 }, post);
  const answer = await done;
  const wall = performance.now() - started;
  const pick = (k) => Math.round(answer[k] ?? NaN);
  console.log(JSON.stringify({
    files: files.length,
    added: answer.added,
    helper: Boolean(helper),
    wall_ms: Math.round(wall),
    read_ms: pick('read_ms'),
    index_ms: pick('index_ms'),
    helped: answer.helped,
    helper_wait_ms: pick('helper_wait_ms'),
    build_ms: pick('build_ms'),
    snapshot_ms: pick('snapshot_ms'),
    snapshot_bytes: answer.snapshot?.byteLength,
    memory_mb: Math.round((answer.memory_bytes ?? 0) / 1048576),
  }));
  await helper?.terminate();
}
