// A brand's own backend, as someone else might write it, for the transport
// tests: NOT the reference server. It knows nothing of our protocol beyond
// `POST /designs` and CORS; it answers from a scripted queue of behaviours
// (its own receipt, 503/429 with or without Retry-After, a dropped
// connection, a captive portal's HTML 200, an empty 204) and records every
// request it gets (arrival time on its own clock, Idempotency-Key, body
// size) for the test to count. Commands: foreign-backend:start | :requests |
// :script | :stop (test/support/foreign-backend.ts is the browser side).
import { createServer } from 'node:http';

const PORTAL = '<!doctype html><html><head><title>Wi-Fi login</title></head><body><h1>Welcome to Station Wi-Fi</h1>'
  + '<form action="/login"><button>Accept and connect</button></form></body></html>';

/** One behaviour of the script, as `{ status, json?, html?, text?, retryAfter?, drop?, delayMs? }`; a few shorthands. */
function behaviour(step, n) {
  if (step === 'receipt') return { status: 201, json: { id: `d-${n}`, status: 'received' } };
  if (step === 'drop') return { drop: true };
  if (step === 'html') return { status: 200, html: PORTAL };
  if (typeof step === 'number') return { status: step, text: `status ${step}` };
  return step;
}

function startBackend({ script = [], then = 'receipt', keepAlive = true } = {}) {
  const queue = [...script];
  const requests = [];
  let received = 0;
  const connections = new WeakMap();
  const server = createServer((req, res) => {
    // Without keep-alive every request comes on a new connection, as behind many proxies. With it,
    // Chromium resends a POST at once, by itself, when a reused connection closes without an answer.
    if (!keepAlive) res.setHeader('Connection', 'close');
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'POST' || new URL(req.url, 'http://x').pathname !== '/designs') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const n = ++received;
    const step = behaviour(queue.length ? queue.shift() : then, n);
    // `done`: when the answer was written or the connection dropped, on the same clock as `at`.
    const request = {
      at: Date.now(),
      done: null,
      connection: connections.get(req.socket),
      key: req.headers['idempotency-key'] ?? null,
      bytes: 0,
      answer: describe(step),
    };
    requests.push(request);
    req.on('data', (chunk) => (request.bytes += chunk.length));
    req.on('end', () => setTimeout(() => answer(step, req, res, request), step.delayMs ?? 0));
  });
  let sockets = 0;
  server.on('connection', (socket) => connections.set(socket, ++sockets));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        endpoint: `http://127.0.0.1:${server.address().port}`,
        requests: () => requests.map((r) => ({ ...r })),
        script: (steps) => queue.push(...steps),
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}

/** Writes the scripted answer, or drops the connection, and notes when. */
function answer(step, req, res, request) {
  request.done = Date.now();
  if (step.drop) return void req.socket.destroy();
  const headers = {};
  if (step.retryAfter !== undefined) headers['Retry-After'] = String(step.retryAfter);
  if (step.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    res.writeHead(step.status, headers).end(JSON.stringify(step.json));
  } else if (step.html !== undefined) {
    headers['Content-Type'] = 'text/html; charset=utf-8';
    res.writeHead(step.status, headers).end(step.html);
  } else {
    if (step.text) headers['Content-Type'] = 'text/plain';
    res.writeHead(step.status, headers).end(step.text ?? '');
  }
}

function describe(step) {
  if (step.drop) return 'drop';
  const kind = step.json !== undefined ? 'json' : step.html !== undefined ? 'html' : step.text ? 'text' : 'empty';
  return `${step.status} ${kind}${step.retryAfter !== undefined ? ` retry-after ${step.retryAfter}` : ''}`;
}

export function foreignBackendPlugin() {
  const backends = new Map();
  let next = 0;
  const get = (id) => {
    const backend = backends.get(id);
    if (!backend) throw new Error(`no foreign backend ${id}`);
    return backend;
  };
  return {
    name: 'foreign-backend',
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'foreign-backend:start': {
          const backend = await startBackend(payload ?? {});
          const id = `foreign-${++next}`;
          backends.set(id, backend);
          return { id, endpoint: backend.endpoint };
        }
        case 'foreign-backend:requests':
          return get(payload.id).requests();
        case 'foreign-backend:script':
          get(payload.id).script(payload.steps);
          return true;
        case 'foreign-backend:stop':
          await get(payload.id).close();
          backends.delete(payload.id);
          return true;
        default:
          return undefined;
      }
    },
    async serverStop() {
      await Promise.all([...backends.values()].map((backend) => backend.close()));
      backends.clear();
    },
  };
}
