// A static host with a strict Content-Security-Policy, for the embed tests:
//   /docs/      examples/ (the sample doc page that embeds the lab)
//   /docs/lab/  dist/     (the built lab, under a sub-path)
// Every response carries the policy the lab must run under.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const PORT = Number(process.env.CSP_PORT || 8082);
const ROOT = path.resolve(__dirname, '../..');
const MOUNTS = [
  ['/docs/lab/', path.join(ROOT, 'dist')],
  ['/docs/', path.join(ROOT, 'examples')],
];
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://host');
  const mount = MOUNTS.find(([prefix]) => url.pathname.startsWith(prefix));
  let file = mount && path.join(mount[1], decodeURIComponent(url.pathname.slice(mount[0].length)));
  if (file && !file.startsWith(mount[1])) file = null; // no ../ out of the mount
  if (file && url.pathname.endsWith('/')) file = path.join(file, 'index.html');
  const headers = { 'Content-Security-Policy': POLICY };
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, headers).end('not found');
    return;
  }
  headers['Content-Type'] = TYPES[path.extname(file)] || 'application/octet-stream';
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}).listen(PORT, '127.0.0.1');
