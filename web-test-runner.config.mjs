import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROME_ARGS, CHROME_PATH } from './scripts/chrome.mjs';
import { cdpPlugin } from './test/support/cdp-plugin.mjs';
import { pagesPlugin } from './test/support/pages-plugin.mjs';
import { coDesignServerPlugin } from './test/server/wtr-plugin.mjs';
import { metricsPlugin } from './test/support/metrics-plugin.mjs';
import { foreignBackendPlugin } from './test/support/foreign-backend-plugin.mjs';
import { browserFieldPlugin } from './test/support/browser-field-plugin.mjs';


export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  // The global page-errors hook (test/support/page-errors.ts): its listeners go first (a classic script
  // runs while the page is parsed, the runner's module scripts after), and the module loads right after
  // mocha, before any test file: mocha imports the test file (and runs it) only after a fetch.
  testRunnerHtml: (framework) => `<!DOCTYPE html>
<html>
  <head></head>
  <body>
    <script>
      for (const type of ['error', 'unhandledrejection']) addEventListener(type, (e) => window.__pageErrors?.(e), true);
    </script>
    <script type="module">
      import '${framework}';
      import '/test/support/page-errors.ts';
    </script>
  </body>
</html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROME_PATH,
        headless: true,
        args: CHROME_ARGS,
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    cdpPlugin(),
    pagesPlugin(),
    coDesignServerPlugin(),
    metricsPlugin(),
    foreignBackendPlugin(),
    browserFieldPlugin(),
  ],
};
