// web-test-runner config for the fault server's own browser check
// (`npm run test:server:browser`): the project's config plus the plugin, on
// test/server/*.browser.ts only, so it never joins the widget's suite by accident.
import base from '../web-test-runner.config.mjs';
import { coDesignServerPlugin } from '../test/server/wtr-plugin.mjs';

export default {
  ...base,
  files: ['test/server/**/*.browser.ts'],
  plugins: [...base.plugins, coDesignServerPlugin()],
};
