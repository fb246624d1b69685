// A static file server for build/web/dist on 127.0.0.1, with the MIME types the page needs
// (.wasm as application/wasm for streaming compilation). Used by scripts/serve.sh and the browser
// tests; no dependencies beyond node.
//   node scripts/static_server.mjs DIR [PORT]     (PORT 0 or absent: any free port)
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.ttf': 'font/ttf', '.data': 'application/octet-stream',
};

// Inside `root` means the root itself or below it: "/srv/web-scalar" is not inside "/srv/web".
const inside = (root, file) => file === root || file.startsWith(root + sep);

export async function startServer(dir, port = 0) {
  const root = await realpath(resolve(dir));
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!inside(root, file)) { res.writeHead(403).end('forbidden'); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      // Symbolic links are followed only where they stay inside the root.
      file = await realpath(file);
      if (!inside(root, file)) { res.writeHead(403).end('forbidden'); return; }
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', ok); });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) { console.error('usage: node static_server.mjs DIR [PORT]'); process.exit(2); }
  const { url } = await startServer(dir, Number(port ?? 0));
  console.log(`Nabla is served at ${url}  (Ctrl+C to stop)`);
}
