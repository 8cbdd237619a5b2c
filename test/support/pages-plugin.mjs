// Test-runner commands for tests that need more than the test page: a second
// (or third) real page of the same origin, closed abruptly or reloaded, and
// downloads read back from disk. Everything goes through puppeteer, i.e. the
// DevTools protocol: real tabs, real input, real IndexedDB.
import { watch } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pages = new Map();
/** Per page: every response's URL and status, and what the console said as errors. */
const logs = new Map();
/** The browser context of each page opened `isolated`, closed with it. */
const contexts = new Map();
let nextId = 1;

/** Listens before the page loads, so the first requests (the icon, the scripts) are heard too. */
function record(p) {
  const log = { responses: [], errors: [] };
  p.on('response', (r) => log.responses.push({ url: r.url(), status: r.status() }));
  p.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(`${m.text()} (${m.location()?.url ?? 'no url'})`);
  });
  p.on('pageerror', (e) => log.errors.push(`uncaught: ${e.message}`));
  return log;
}

/** The first finished download in `dir`: answered when the directory changes, not by polling it. */
function waitForFile(dir, timeout) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error, name) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve(name);
    };
    const check = () =>
      readdir(dir).then(
        (files) => {
          const done = files.find((f) => !f.endsWith('.crdownload'));
          if (done) finish(undefined, done);
        },
        (error) => finish(error),
      );
    const watcher = watch(dir, check);
    const timer = setTimeout(() => finish(new Error(`No download in ${dir} after ${timeout} ms`)), timeout);
    void check();
  });
}

export function pagesPlugin() {
  return {
    name: 'pages-command',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('pages:') && !command.startsWith('downloads:')) return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('pages commands need the chrome launcher');
      const testPage = session.browser.getPage(session.id);
      const page = () => {
        const p = pages.get(payload.id);
        if (!p) throw new Error(`No page ${payload.id}`);
        return p;
      };
      switch (command) {
        case 'pages:open': {
          // A window of its own, so every page stays visible and takes input, as tabs side by side would.
          const browser = testPage.browser();
          let p;
          if (payload.isolated) {
            // A browser context of its own: its own cookies and storage, as another person's browser has.
            const context = await browser.createBrowserContext();
            p = await context.newPage();
            contexts.set(p, context);
          } else {
            const client = await browser.target().createCDPSession();
            const { targetId } = await client.send('Target.createTarget', { url: 'about:blank', newWindow: true });
            const target = await browser.waitForTarget((t) => t._targetId === targetId);
            p = await target.page();
          }
          await p.setViewport(payload.viewport ?? { width: 1100, height: 700 });
          const log = record(p);
          await p.goto(payload.url, { waitUntil: 'load' });
          const id = nextId++;
          pages.set(id, p);
          logs.set(id, log);
          return id;
        }
        case 'pages:log': {
          // A copy: the page keeps logging after the answer leaves.
          const log = logs.get(payload.id);
          if (!log) throw new Error(`No page ${payload.id}`);
          return { responses: [...log.responses], errors: [...log.errors] };
        }
        case 'pages:eval':
          // Wrapped: undefined or null would read as "no plugin handled this command".
          return { value: await page().evaluate(payload.expression) };
        case 'pages:drag': {
          const p = page();
          const [first, ...rest] = payload.points;
          await p.mouse.move(first[0], first[1]);
          await p.mouse.down();
          for (const [x, y] of rest) await p.mouse.move(x, y, { steps: payload.steps ?? 4 });
          await p.mouse.up();
          return true;
        }
        case 'pages:type': {
          const p = page();
          await p.bringToFront();
          await p.keyboard.type(payload.text);
          return true;
        }
        case 'pages:press': {
          const p = page();
          await p.bringToFront();
          await p.keyboard.press(payload.key);
          return true;
        }
        case 'pages:click': {
          await page().mouse.click(payload.x, payload.y);
          return true;
        }
        case 'pages:front': {
          await (payload.id ? page() : testPage).bringToFront();
          return true;
        }
        case 'pages:reload': {
          await page().reload({ waitUntil: 'load' });
          return true;
        }
        case 'pages:close': {
          // runBeforeUnload false: the tab goes away as when the browser is killed, no beforeunload prompt.
          const p = page();
          pages.delete(payload.id);
          logs.delete(payload.id);
          await p.close({ runBeforeUnload: false });
          await contexts.get(p)?.close();
          contexts.delete(p);
          return true;
        }
        case 'downloads:allow': {
          const dir = await mkdtemp(join(tmpdir(), 'co-design-downloads-'));
          const client = await testPage.createCDPSession();
          await client.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
          return dir;
        }
        case 'downloads:read': {
          const name = await waitForFile(payload.dir, payload.timeout ?? 5000);
          // `encoding: 'base64'` for a binary file (a zip), UTF-8 text otherwise.
          return { name, text: await readFile(join(payload.dir, name), payload.encoding ?? 'utf8') };
        }
      }
      return undefined;
    },
  };
}
