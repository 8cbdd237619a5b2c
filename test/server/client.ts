/**
 * Browser side of test/server/wtr-plugin.mjs: start a reference backend on
 * loopback from a browser test, queue failures, read what it stored.
 *
 *   const api = await startApiServer({ faults: { designs: [503, 'commit-then-drop-connection'] } });
 *   studio.setAttribute('endpoint', api.endpoint);
 *   … submit …
 *   expect((await api.state()).designs).to.have.length(1);
 *   await api.stop();
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { Fault, FaultRoute } from '../../server/faults.ts';
import type { TestServerOptions, TestServerState } from '../../server/testing.ts';

export interface ApiServer {
  endpoint: string;
  adminToken: string;
  fail(route: FaultRoute, ...faults: Fault[]): Promise<void>;
  state(): Promise<TestServerState>;
  /** A call with the admin token, made by the test runner (the campaign team's side). */
  admin<T = any>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/** CORS allows this page's origin unless `corsOrigins` says otherwise. */
export async function startApiServer(options: TestServerOptions = {}): Promise<ApiServer> {
  const started = await executeServerCommand<{ id: string; endpoint: string; adminToken: string }, TestServerOptions>('co-design-server-start', {
    corsOrigins: [location.origin],
    ...options,
  });
  if (!started) throw new Error('co-design-server plugin missing from web-test-runner.config.mjs');
  const { id } = started;
  return {
    endpoint: started.endpoint,
    adminToken: started.adminToken,
    fail: async (route, ...faults) => void (await executeServerCommand('co-design-server-faults', { id, route, faults })),
    state: async () => (await executeServerCommand<TestServerState, { id: string }>('co-design-server-state', { id }))!,
    admin: async (method, path, body) => (await executeServerCommand('co-design-server-admin', { id, method, path, body }))!,
    stop: async () => void (await executeServerCommand('co-design-server-stop', { id })),
  };
}
