import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROME_ARGS, CHROME_PATH } from './scripts/chrome.mjs';
import { cdpPlugin } from './test/support/cdp-plugin.mjs';
import { pagesPlugin } from './test/support/pages-plugin.mjs';
import { coDesignServerPlugin } from './test/server/wtr-plugin.mjs';
import { metricsPlugin } from './test/support/metrics-plugin.mjs';
import { foreignBackendPlugin } from './test/support/foreign-backend-plugin.mjs';


export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
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
  ],
};
