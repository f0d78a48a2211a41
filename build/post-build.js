// Trunk post_build hook (Trunk.toml), two jobs on the staged dist/:
//
// 1. In release builds, minifies wasm-bindgen's JS glue with terser (Trunk's
//    own `minify` leaves it as it is): -1.7 KB of gzip. Its integrity
//    attribute in index.html is updated to match.
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

async function minifyGlue() {
  // terser comes with the npm dev tools (tests/e2e, installed by .ci/setup); a
  // build without them still works, 1.7 KB of gzip larger.
  let minify;
  try {
    ({ minify } = require(path.join(__dirname, '../tests/e2e/node_modules/terser')));
  } catch {
    console.warn('post-build: terser is not installed (run .ci/setup): the JS glue stays unminified');
    return;
  }
  const glue = fs.readdirSync(dir).filter((f) => /^rollout-lab-web-[0-9a-f]+\.js$/.test(f));
  if (glue.length !== 1) throw new Error(`post-build: expected one wasm-bindgen glue file, found ${glue.length}`);
  const file = path.join(dir, glue[0]);
  const before = fs.readFileSync(file, 'utf8');
  const out = await minify(before, { module: true, compress: true, mangle: true });
  const oldIntegrity = `sha384-${sha384(before).toString('base64')}`;
  if (!html.includes(oldIntegrity)) throw new Error(`post-build: index.html has no integrity ${oldIntegrity} for ${glue[0]}`);
  fs.writeFileSync(file, out.code);
  html = html.replace(oldIntegrity, `sha384-${sha384(out.code).toString('base64')}`);
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
