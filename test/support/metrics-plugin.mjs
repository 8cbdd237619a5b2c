// A stand-in for the host backend's `POST {endpoint}/metrics` route, so the
// metrics tests can see what a real `navigator.sendBeacon` delivered: the
// route stores each body and its content type; the `metrics-beacons` command
// hands them to the test (and forgets them).
const PATH = '/__metrics-beacon';

export function metricsPlugin() {
  const received = [];
  return {
    name: 'metrics-beacon',
    // The serve hook runs before the static files for every method; a
    // middleware added at serverStart would come after the 404.
    async serve(ctx) {
      if (ctx.path !== PATH || ctx.method !== 'POST') return undefined;
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      received.push({ type: ctx.get('content-type'), body: Buffer.concat(chunks).toString('utf8') });
      return { body: '', type: 'text/plain' };
    },
    async executeCommand({ command }) {
      if (command !== 'metrics-beacons') return undefined;
      return received.splice(0);
    },
  };
}
