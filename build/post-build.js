// Trunk post_build hook (Trunk.toml), two jobs on the staged dist/:
//
// 1. In release builds, minifies wasm-bindgen's JS glue with terser (Trunk's
//    `minify` leaves it as it is).
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
 * Release builds only: terser minifies the JS glue (skipped with a warning
 * when the npm tool is missing: run .ci/setup), and index.html's integrity
 * attribute for it follows. The wasm is left as wasm-opt wrote it.
 */
async function minifyGlue() {
  const glueFile = staged(/^rollout-lab-web-[0-9a-f]+\.js$/, 'wasm-bindgen glue file');
  const before = fs.readFileSync(glueFile, 'utf8');
  let terser;
  try {
    terser = require(path.join(npmTools, 'terser'));
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    console.warn('post-build: terser is not installed: the JS glue stays unminified');
    return;
  }
  const glue = (await terser.minify(before, { module: true, compress: true, mangle: true })).code;
  fs.writeFileSync(glueFile, glue);
  reintegrate(before, glue, path.basename(glueFile));
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
  if (process.env.TRUNK_PROFILE === 'release') await minifyGlue();
  externalizeBoot();
  fs.writeFileSync(htmlPath, html);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
