// A web-test-runner plugin that starts reference-backend test servers on
// loopback for browser tests, with failures on cue (server/faults.ts). The
// server runs in the test runner's Node process; tsx loads its TypeScript.
// Commands: co-design-server-start | -faults | -state | -stop (docs/server.md).
import { tsImport } from 'tsx/esm/api';

export function coDesignServerPlugin() {
  const servers = new Map();
  let testing;
  let next = 0;
  const load = async () => (testing ??= await tsImport('../../server/testing.ts', import.meta.url));
  const get = (id) => {
    const server = servers.get(id);
    if (!server) throw new Error(`no test server ${id}`);
    return server;
  };

  return {
    name: 'co-design-server',
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'co-design-server-start': {
          const { startTestServer } = await load();
          const server = await startTestServer(payload ?? {});
          const id = `server-${++next}`;
          servers.set(id, server);
          return { id, endpoint: server.endpoint, adminToken: server.adminToken };
        }
        case 'co-design-server-faults':
          get(payload.id).faults.push(payload.route, ...payload.faults);
          return true;
        case 'co-design-server-state':
          return get(payload.id).state();
        case 'co-design-server-admin': {
          // The campaign team's calls, made in Node: a browser test's page is another origin, and the API
          // never lets a cross-origin page send the admin token.
          const server = get(payload.id);
          const response = await server.app.inject({
            method: payload.method,
            url: `/api${payload.path}`,
            headers: { authorization: `Bearer ${server.adminToken}`, ...(payload.body ? { 'content-type': 'application/json' } : {}) },
            payload: payload.body ? JSON.stringify(payload.body) : undefined,
          });
          return { status: response.statusCode, body: response.json() };
        }
        case 'co-design-server-stop':
          await get(payload.id).close();
          servers.delete(payload.id);
          return true;
        default:
          return undefined;
      }
    },
    async serverStop() {
      await Promise.all([...servers.values()].map((server) => server.close()));
      servers.clear();
    },
  };
}
