// Two rewrites of the built wasm that make the bundle's gzip smaller without
// changing what runs (both measured in BENCHMARKS.md).
//
// orderFunctions (~11 KB): no byte of code changes, only the order of the
// function bodies in the code section, and binaryen renumbers every call,
// table entry and export to match.
//
// Why it pays: gzip finds repeats only within the last 32 KB, and rustc lays
// out a generic's instantiations (Leptos's build/rebuild/unmount of each view
// type, drop glue, iterator adapters) far apart. Placed side by side, most
// of a function is a copy of its neighbour.
//
// How: a greedy chain. From the functions just placed, the 64 most similar
// unplaced ones (MinHash of their 6-byte shingles) are shortlisted, and the
// one whose deflate gains most from the last 32 KB placed comes next (~20 s).
// The chain is deterministic: ties go to the lower function index.
// The order reaches binaryen as function names (f000000, f000001, ...), which
// `wasm-opt --reorder-functions-by-name --strip-debug` applies and then drops.
//
// A greedy chain is sensitive to where it starts: chains from different first
// functions came out up to 1.4 KB apart, and an unrelated code change moved
// the result as much. So four chains run (from four evenly spaced functions,
// two at a time in worker threads), and the one that gzips smallest is kept:
// the result is both smaller and steadier (~45 s in all).
//
// shortenNames (~3 KB): wasm-bindgen names each import after its JS
// function plus a 16-digit hash (`__wbg_body_5f971cbc6950ca4f`), and both the
// wasm and the JS glue spell every name out: 111 hashes that gzip cannot
// shrink, twice. They become `a_`, `b_`, ... in both files; the exports too
// (`_a`, `_b`, ...), whose closure shims have names of 100 characters.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const { execFileSync } = require('child_process');
const os = require('os');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const SHINGLE = 6;
const HASHES = 64;
const SHORTLIST = 64;
const WINDOW = 32768; // deflate's window
const CHAINS = 4;
// rustc's wasm32 defaults. Trunk's wasm-opt step reads them from rustc's target_features section, which
// that step drops; wasm-opt must be told, or it refuses the module it wrote.
const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-reference-types', '--enable-multivalue', '--enable-mutable-globals'];

/** Reads the sections, the number of imported functions and the bodies. */
function parse(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('shrink-wasm: not a wasm module');
  let i = 8;
  const leb = () => {
    let value = 0;
    let scale = 1;
    let byte;
    do {
      byte = wasm[i++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  };
  const name = () => {
    const length = leb();
    i += length;
    return wasm.toString('utf8', i - length, i);
  };
  const sections = [];
  while (i < wasm.length) {
    const id = wasm[i++];
    const size = leb();
    sections.push({ id, start: i, end: i + size });
    i += size;
  }
  let importedFunctions = 0;
  const imports = []; // { module, field, start (of the entry), descriptor (its bytes after the names), end }
  const exports = []; // { name, descriptor (its bytes after the name), end }
  const bodies = [];
  for (const section of sections) {
    i = section.start;
    if (section.id === 2) {
      for (let n = leb(); n > 0; n--) {
        const start = i;
        const moduleName = name();
        const field = name();
        const descriptor = i;
        const kind = wasm[i++];
        if (kind === 0) { leb(); importedFunctions++; }                  // function: type index
        else if (kind === 1) { i++; const flags = leb(); leb(); if (flags & 1) leb(); } // table: reftype, limits
        else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); } // memory: limits
        else if (kind === 3) i += 2;                                      // global: type, mutability
        else if (kind === 4) { i++; leb(); }                              // tag
        else throw new Error(`shrink-wasm: unknown import kind ${kind}`);
        imports.push({ module: moduleName, field, start, descriptor, end: i });
      }
    } else if (section.id === 7) {
      for (let n = leb(); n > 0; n--) {
        const exportName = name();
        const descriptor = i;
        i++; // kind
        leb(); // index
        exports.push({ name: exportName, descriptor, end: i });
      }
    } else if (section.id === 10) {
      for (let n = leb(); n > 0; n--) {
        const size = leb();
        bodies.push(wasm.subarray(i, i + size));
        i += size;
      }
    }
  }
  return { sections, importedFunctions, imports, exports, bodies };
}

/** A MinHash signature of the body's shingles: similar bodies share many minima. */
function signature(body) {
  const minima = new Uint32Array(HASHES).fill(0xffffffff);
  for (let p = 0; p + SHINGLE <= body.length; p++) {
    let h = 2166136261; // FNV-1a of the shingle
    for (let q = 0; q < SHINGLE; q++) h = Math.imul(h ^ body[p + q], 16777619) >>> 0;
    for (let k = 0; k < HASHES; k++) {
      let v = Math.imul(h ^ Math.imul(k + 1, 0x9e3779b9), 0x85ebca6b) >>> 0;
      v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35) >>> 0;
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < minima[k]) minima[k] = v;
    }
  }
  return minima;
}

/** The greedy chain from body `start`: returns the bodies' indices in their new order. */
function chain(bodies, start) {
  const count = bodies.length;
  const signatures = bodies.map((body) => signature(body));
  const alone = bodies.map((body) => zlib.deflateRawSync(body, { level: 9 }).length);
  const placed = new Uint8Array(count);
  const order = [start];
  placed[start] = 1;
  const tail = [bodies[start]]; // the last WINDOW bytes placed, as the deflate dictionary
  let tailLength = bodies[start].length;
  while (order.length < count) {
    const last = order[order.length - 1];
    const before = order[Math.max(0, order.length - 2)];
    const shortlist = []; // [score, index], best first
    for (let k = 0; k < count; k++) {
      if (placed[k]) continue;
      // Shared MinHash minima with the last function, half weight with the one before it.
      let shared = 0;
      for (let q = 0; q < HASHES; q++) {
        const minimum = signatures[k][q];
        shared += (signatures[last][q] === minimum) + (signatures[before][q] === minimum) / 2;
      }
      const score = shared * 1e6 - Math.abs(bodies[k].length - bodies[last].length);
      if (shortlist.length < SHORTLIST || score > shortlist[shortlist.length - 1][0]) {
        let at = shortlist.length;
        while (at > 0 && shortlist[at - 1][0] < score) at--;
        shortlist.splice(at, 0, [score, k]);
        if (shortlist.length > SHORTLIST) shortlist.pop();
      }
    }
    let dictionary = Buffer.concat(tail);
    if (dictionary.length > WINDOW) dictionary = dictionary.subarray(dictionary.length - WINDOW);
    // The candidate whose deflate gains most from what precedes it.
    let next = -1;
    let bestGain = -Infinity;
    for (const [, k] of shortlist) {
      const gain = alone[k] - zlib.deflateRawSync(bodies[k], { level: 9, dictionary }).length;
      if (gain > bestGain) { bestGain = gain; next = k; }
    }
    placed[next] = 1;
    order.push(next);
    tail.push(bodies[next]);
    tailLength += bodies[next].length;
    while (tailLength - tail[0].length >= WINDOW) tailLength -= tail.shift().length;
  }
  return order;
}

function uleb(n) {
  const out = [];
  do {
    const byte = n & 0x7f;
    n = Math.floor(n / 128);
    out.push(n ? byte | 0x80 : byte);
  } while (n);
  return out;
}

/** The module without its custom sections, plus a name section naming each function by its new place. */
function withOrderNames(wasm, { sections, importedFunctions }, order) {
  const rank = new Array(order.length);
  order.forEach((body, place) => { rank[body] = place; });
  const names = [...uleb(order.length)];
  rank.forEach((place, body) => {
    const name = Buffer.from(`f${String(place).padStart(6, '0')}`);
    names.push(...uleb(importedFunctions + body), ...uleb(name.length), ...name);
  });
  const content = [...uleb(4), ...Buffer.from('name'), 1, ...uleb(names.length), ...names];
  const parts = [wasm.subarray(0, 8)];
  for (const s of sections) {
    if (s.id === 0) continue;
    parts.push(Buffer.from([s.id, ...uleb(s.end - s.start)]), wasm.subarray(s.start, s.end));
  }
  parts.push(Buffer.from([0, ...uleb(content.length)]), Buffer.from(content));
  return Buffer.concat(parts);
}

/** The chain from `start`, worked out in a worker thread. */
function chainInWorker(bodies, start) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { bodies, start } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/**
 * Rewrites the wasm file at `file` in place with its functions in gzip's best
 * order: the smallest of CHAINS chains, from evenly spaced first functions.
 */
async function orderFunctions(file, wasmOpt) {
  const wasm = fs.readFileSync(file);
  const parsed = parse(wasm);
  const count = parsed.bodies.length;
  if (count === 0) return;
  const starts = [...new Set(Array.from({ length: CHAINS }, (_, k) => Math.floor((k * count) / CHAINS)))];
  const orders = [];
  const threads = Math.max(1, Math.min(2, os.cpus().length));
  for (let k = 0; k < starts.length; k += threads) {
    orders.push(...await Promise.all(starts.slice(k, k + threads).map((start) => chainInWorker(parsed.bodies, start))));
  }
  const named = `${file}.named`;
  const candidate = `${file}.candidate`;
  let best = null;
  try {
    for (const order of orders) {
      fs.writeFileSync(named, withOrderNames(wasm, parsed, order));
      execFileSync(wasmOpt, [named, ...FEATURES, '--reorder-functions-by-name', '--strip-debug', '-o', candidate], { stdio: 'inherit' });
      const bytes = fs.readFileSync(candidate);
      const size = zlib.gzipSync(bytes, { level: 9 }).length;
      if (!best || size < best.size) best = { size, bytes };
    }
  } finally {
    fs.rmSync(named, { force: true });
    fs.rmSync(candidate, { force: true });
  }
  fs.writeFileSync(file, best.bytes);
}

/** A short name for the n-th import: a..z, A..Z, then two letters and so on. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name += letters[n % letters.length];
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/**
 * Renames the imports and exports of the wasm file at `wasmFile` to short
 * names, and the same names in `glue`, wasm-bindgen's JS; returns the new
 * glue. An import is renamed only where the glue spells its name exactly once
 * (its key in the imports object) and no export shares it; an export only
 * where every mention is a property read (`wasm.name`). So nothing else in
 * the glue can change.
 */
function shortenNames(wasmFile, glue) {
  const wasm = fs.readFileSync(wasmFile);
  const { sections, imports, exports } = parse(wasm);
  const exportNames = new Set(exports.map((e) => e.name));
  const token = (text) => new RegExp(`(?<![\\w$])${text.replace(/[.$]/g, '\\$&')}(?![\\w$])`, 'g');
  const occurrences = (text) => (glue.match(token(text)) || []).length;
  const modules = new Map(); // old module name -> new
  const entries = [];
  let renamed = 0;
  for (const entry of imports) {
    let { module, field } = entry;
    if (!modules.has(module)) {
      // Renamed only where the glue spells it once (its key in the imports object).
      const quoted = JSON.stringify(module);
      const short = glue.split(quoted).length === 2 ? shortName(modules.size) : module;
      glue = glue.replace(quoted, JSON.stringify(short));
      modules.set(module, short);
    }
    module = modules.get(module);
    if (!exportNames.has(field) && occurrences(field) === 1) {
      const short = `${shortName(renamed++)}_`; // the underscore keeps them apart from the module names
      glue = glue.replace(token(field), short);
      field = short;
    }
    entries.push(Buffer.from([...uleb(Buffer.byteLength(module)), ...Buffer.from(module),
      ...uleb(Buffer.byteLength(field)), ...Buffer.from(field)]), wasm.subarray(entry.descriptor, entry.end));
  }
  const importSection = Buffer.concat([Buffer.from(uleb(imports.length)), ...entries]);
  // Exports: renamed where every mention in the glue is a property access (`wasm.__wbindgen_malloc`);
  // a name the glue also spells otherwise (`simulate_crash`, a JS export too) keeps its name.
  const exportEntries = [];
  let shortExports = 0;
  for (const entry of exports) {
    let { name } = entry;
    const accessed = new RegExp(`(?<=\\.)${name.replace(/[.$]/g, '\\$&')}(?![\\w$])`, 'g');
    const accesses = (glue.match(accessed) || []).length;
    if (accesses > 0 && accesses === occurrences(name)) {
      const short = `_${shortName(shortExports++)}`;
      glue = glue.replace(accessed, short);
      name = short;
    }
    exportEntries.push(Buffer.from([...uleb(Buffer.byteLength(name)), ...Buffer.from(name)]),
      wasm.subarray(entry.descriptor, entry.end));
  }
  const exportSection = Buffer.concat([Buffer.from(uleb(exports.length)), ...exportEntries]);
  const parts = [wasm.subarray(0, 8)];
  for (const s of sections) {
    const content = s.id === 2 ? importSection : s.id === 7 ? exportSection : wasm.subarray(s.start, s.end);
    parts.push(Buffer.from([s.id, ...uleb(content.length)]), content);
  }
  fs.writeFileSync(wasmFile, Buffer.concat(parts));
  return glue;
}

if (isMainThread) {
  module.exports = { orderFunctions, shortenNames };
} else {
  parentPort.postMessage(chain(workerData.bodies, workerData.start));
}
