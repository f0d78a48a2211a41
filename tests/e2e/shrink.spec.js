// build/shrink-wasm.js on a small module: after shortening its names and reordering its functions, the
// module still links against the rewritten glue and computes the same results. (The e2e tests run the
// app built through it; this pins down what the rewrites may and may not touch.)
const { test, expect } = require('@playwright/test');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { orderFunctions, shortenNames } = require('../../build/shrink-wasm');

const bin = path.join(__dirname, 'node_modules/.bin');

// Imports and exports named as wasm-bindgen names them; functions alike in pairs, so the order changes.
const WAT = `(module
  (import "./app_bg.js" "__wbg_twice_5f971cbc6950ca4f" (func $twice (param i32) (result i32)))
  (import "./app_bg.js" "__wbg_log_1e8503a8a690f0a3" (func $log (param i32)))
  (func $a (export "add_then_twice_0123456789abcdef") (param i32 i32) (result i32)
    (call $twice (i32.add (local.get 0) (local.get 1))))
  (func $b (export "simulate_crash") (param i32) (result i32)
    (i32.mul (local.get 0) (i32.const 7)))
  (func $c (export "sub_then_twice_0123456789abcdef") (param i32 i32) (result i32)
    (call $twice (i32.sub (local.get 0) (local.get 1))))
  (func $d (param i32) (result i32) (i32.mul (local.get 0) (i32.const 9)))
  (func $e (export "log_nine_times") (param i32) (call $log (call $d (local.get 0))))
)`;

// A glue in the shape terser leaves wasm-bindgen's: the imports object's keys, property reads of the
// exports, and a JS export whose name is also a wasm export.
const GLUE = `let E;const logged=[];
function imports(){const i={__proto__:null,__wbg_twice_5f971cbc6950ca4f:function(x){return x*2},__wbg_log_1e8503a8a690f0a3(x){logged.push(x)}};return{__proto__:null,"./app_bg.js":i}}
export function simulate_crash(x){return E.simulate_crash(x)}
export function add(a,b){return E.add_then_twice_0123456789abcdef(a,b)}
export function sub(a,b){return E.sub_then_twice_0123456789abcdef(a,b)}
export function nine(x){E.log_nine_times(x);return logged.pop()}
export async function init(bytes){E=(await WebAssembly.instantiate(bytes,imports())).instance.exports}`;

test('shortened names and reordered functions leave the module working with its glue', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shrink-'));
  const wasmFile = path.join(dir, 'app_bg.wasm');
  fs.writeFileSync(path.join(dir, 'app.wat'), WAT);
  execFileSync(path.join(bin, 'wasm-as'), [path.join(dir, 'app.wat'), '-o', wasmFile]);

  const glue = shortenNames(wasmFile, GLUE);
  await orderFunctions(wasmFile, path.join(bin, 'wasm-opt'));

  // The hashed names are gone from both files; the JS export `simulate_crash` keeps its name.
  for (const long of ['__wbg_twice_5f971cbc6950ca4f', '__wbg_log_1e8503a8a690f0a3', 'add_then_twice_0123456789abcdef', './app_bg.js']) {
    expect(glue).not.toContain(long);
    expect(fs.readFileSync(wasmFile).includes(Buffer.from(long))).toBe(false);
  }
  expect(glue).toContain('export function simulate_crash(x){return E.simulate_crash(x)}');

  const gluePath = path.join(dir, 'glue.mjs');
  fs.writeFileSync(gluePath, glue);
  const app = await import(gluePath);
  await app.init(fs.readFileSync(wasmFile));
  expect(app.add(3, 4)).toBe(14);
  expect(app.sub(10, 4)).toBe(12);
  expect(app.simulate_crash(6)).toBe(42);
  expect(app.nine(5)).toBe(45);
});
