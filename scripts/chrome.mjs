// One place for how this project starts headless Chromium: the tests
// (web-test-runner.config.mjs) and the benchmark (bench/browser.ts) use the same.
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling out, and this machine's closed network refuses it.
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
