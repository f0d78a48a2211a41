// Trunk post_build hook (Trunk.toml), two jobs on the staged dist/:
//
// 1. In release builds, makes wasm-bindgen's output smaller (`shrink` below).
// 2. Moves the inline <script type="module"> that Trunk writes to start the
//    wasm module into its own file, so that the page runs under a strict
//    Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`, no
//    'unsafe-inline'; trunk-rs/trunk#288 is still open). The new file gets a
//    content hash in its name and an integrity attribute, like every other
//    asset Trunk writes.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { orderFunctions, shortenNames } = require('./shrink-wasm');

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run by trunk build)');
const htmlPath = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');
const sha384 = (text) => crypto.createHash('sha384').update(text).digest();
const npmTools = path.join(__dirname, '../tests/e2e/node_modules');

/** The one staged file whose name matches `pattern`. */
function staged(pattern, what) {
  const found = fs.readdirSync(dir).filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`post-build: expected one ${what}, found ${found.length}`);
  return path.join(dir, found[0]);
}

/** Points index.html's integrity attribute for a file that was `before` at its new content. */
function reintegrate(before, after, name) {
  const oldIntegrity = `sha384-${sha384(before).toString('base64')}`;
  if (!html.includes(oldIntegrity)) throw new Error(`post-build: index.html has no integrity ${oldIntegrity} for ${name}`);
  html = html.replace(oldIntegrity, `sha384-${sha384(after).toString('base64')}`);
}

/**
 * Release builds only. Three rewrites of wasm-bindgen's output, each skipped
 * with a warning when its npm tool is missing (run .ci/setup), each keeping
 * index.html's integrity attributes right:
 * - terser minifies the JS glue, which Trunk's `minify` leaves as it is: -1.7 KB of gzip;
 * - the wasm's imports and exports get short names, in the glue too (build/shrink-wasm.js): -3 KB;
 * - the wasm's functions are put in the order gzip likes best (build/shrink-wasm.js): -11 KB or more.
 */
async function shrink() {
  const glueFile = staged(/^rollout-lab-web-[0-9a-f]+\.js$/, 'wasm-bindgen glue file');
  const wasmFile = staged(/^rollout-lab-web-[0-9a-f]+_bg\.wasm$/, 'wasm module');
  const glueBefore = fs.readFileSync(glueFile, 'utf8');
  const wasmBefore = fs.readFileSync(wasmFile);
  let glue = glueBefore;
  try {
    const { minify } = require(path.join(npmTools, 'terser'));
    glue = (await minify(glue, { module: true, compress: true, mangle: true })).code;
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    console.warn('post-build: terser is not installed: the JS glue stays unminified');
  }
  glue = shortenNames(wasmFile, glue);
  // The same npm binaryen Trunk's wasm-opt step uses (Debian's breaks the wasm).
  const wasmOpt = path.join(npmTools, '.bin/wasm-opt');
  if (fs.existsSync(wasmOpt)) await orderFunctions(wasmFile, wasmOpt);
  else console.warn('post-build: npm wasm-opt is not installed: the wasm keeps rustc\'s function order');
  fs.writeFileSync(glueFile, glue);
  reintegrate(glueBefore, glue, path.basename(glueFile));
  reintegrate(wasmBefore, fs.readFileSync(wasmFile), path.basename(wasmFile));
}

function externalizeBoot() {
  // Trunk's `minify` writes attributes without quotes.
  const inline = /<script type="?module"?(?: nonce="?[^" >]*"?)?>([\s\S]*?)<\/script>/;
  const match = html.match(inline);
  if (!match) {
    // `trunk serve` adds its live-reload script elsewhere; a build without the
    // boot script would be a Trunk change this hook must learn about.
    throw new Error('post-build: no inline module script in index.html');
  }
  const code = match[1].trim() + '\n';
  const digest = sha384(code);
  const name = `boot-${digest.toString('hex').slice(0, 16)}.js`;
  fs.writeFileSync(path.join(dir, name), code);
  const tag = `<script type="module" src="./${name}" integrity="sha384-${digest.toString('base64')}"></script>`;
  html = html.replace(inline, tag);
}

(async () => {
  if (process.env.TRUNK_PROFILE === 'release') await shrink();
  externalizeBoot();
  fs.writeFileSync(htmlPath, html);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
