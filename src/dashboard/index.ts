/**
 * `dist/dashboard.js`: defines `<co-design-dashboard>`, built on its own (`vite build
 * --mode dashboard`), never part of the studio's bundle. The define lives in the
 * entry itself: package.json's `sideEffects` list lets the bundler drop
 * any other module's top-level code.
 */
import { CoDesignDashboard } from './dashboard.component.ts';
import { CoDesignCampaigns } from './campaigns/campaigns.component.ts';

export { CoDesignDashboard, CoDesignCampaigns };

if (!customElements.get('co-design-campaigns')) customElements.define('co-design-campaigns', CoDesignCampaigns);

if (!customElements.get('co-design-dashboard')) customElements.define('co-design-dashboard', CoDesignDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'co-design-dashboard': CoDesignDashboard;
    'co-design-campaigns': CoDesignCampaigns;
  }
}
