// A static server on port 0 for both benchmark pages: the studio's dist
// build, the templates, the built harness pages, and the seeded data.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `mounts` maps a URL prefix to a folder; `data` answers `/data/<name>` from
 * memory (the seeded documents are generated in Node, not written to disk).
 */
export async function startServer(mounts: Record<string, string>, data: (name: string) => string | undefined): Promise<BenchServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path.startsWith('/data/')) {
        const body = data(path.slice('/data/'.length));
        if (body === undefined) return notFound(res);
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        return res.end(body);
      }
      const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
      if (!prefix) return notFound(res);
      const root = mounts[prefix];
      const file = normalize(join(root, path.slice(prefix.length)));
      if (!file.startsWith(root + sep) && file !== root) return notFound(res);
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
      } catch {
        notFound(res);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function notFound(res: import('node:http').ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
