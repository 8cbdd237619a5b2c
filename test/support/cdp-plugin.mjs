// A test-runner command that forwards one DevTools-protocol call to the page
// under test: touch, pen pressure, wheel and quota overrides go through the
// browser's own input pipeline, as TOOLCHAIN.md asks, with no mock in between.
const sessions = new WeakMap();

async function cdpFor(page) {
  let client = sessions.get(page);
  if (!client) {
    client = await page.createCDPSession();
    sessions.set(page, client);
  }
  return client;
}

export function cdpPlugin() {
  return {
    name: 'cdp-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cdp') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('cdp command needs the chrome launcher');
      const page = session.browser.getPage(session.id);
      const client = await cdpFor(page);
      const calls = Array.isArray(payload) ? payload : [payload];
      const results = [];
      for (const { method, params } of calls) results.push(await client.send(method, params ?? {}));
      return Array.isArray(payload) ? results : results[0];
    },
  };
}
