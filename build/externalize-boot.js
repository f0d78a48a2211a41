// Trunk post_build hook (Trunk.toml): moves the inline <script type="module">
// that Trunk writes to start the wasm module into its own file, so that the
// page runs under a strict Content-Security-Policy (`script-src 'self'
// 'wasm-unsafe-eval'`, no 'unsafe-inline'; trunk-rs/trunk#288 is still open).
// The new file gets a content hash in its name and an integrity attribute,
// like every other asset Trunk writes.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('externalize-boot: TRUNK_STAGING_DIR is not set (run by trunk build)');
const htmlPath = path.join(dir, 'index.html');
const html = fs.readFileSync(htmlPath, 'utf8');

const inline = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  // `trunk serve` adds its live-reload script elsewhere; a build without the
  // boot script would be a Trunk change this hook must learn about.
  throw new Error('externalize-boot: no inline module script in index.html');
}
const code = match[1].trim() + '\n';
const digest = crypto.createHash('sha384').update(code).digest();
const name = `boot-${digest.toString('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, name), code);
const tag = `<script type="module" src="./${name}" integrity="sha384-${digest.toString('base64')}"></script>`;
fs.writeFileSync(htmlPath, html.replace(inline, tag));
