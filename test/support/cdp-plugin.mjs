// A test-runner command that forwards one DevTools-protocol call to the page
// under test: touch, pen pressure, wheel and quota overrides go through the
// browser's own input pipeline (docs/testing.md), with no mock in between.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
      if (command !== 'cdp' && command !== 'choose-file') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('cdp command needs the chrome launcher');
      const page = session.browser.getPage(session.id);
      if (command === 'choose-file') return chooseFile(page, payload);
      const client = await cdpFor(page);
      const calls = Array.isArray(payload) ? payload : [payload];
      const results = [];
      for (const { method, params } of calls) results.push(await client.send(method, params ?? {}));
      return Array.isArray(payload) ? results : results[0];
    },
  };
}

/**
 * Puts a file into the studio's own file input as a person choosing it would
 * (DOM.setFileInputFiles), so the browser fires the real input/change events.
 */
async function chooseFile(page, { name, base64, selector = 'input[type=file]' }) {
  const dir = await mkdtemp(join(tmpdir(), 'co-design-upload-'));
  const path = join(dir, name);
  await writeFile(path, Buffer.from(base64, 'base64'));
  const input = await page.evaluateHandle((sel) => document.querySelector('co-design-studio').shadowRoot.querySelector(sel), selector);
  await input.uploadFile(path);
  return true;
}
