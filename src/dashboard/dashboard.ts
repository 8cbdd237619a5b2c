import { CoDesignDashboard } from './dashboard.component.ts';

export { CoDesignDashboard };

if (!customElements.get('co-design-dashboard')) customElements.define('co-design-dashboard', CoDesignDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'co-design-dashboard': CoDesignDashboard;
  }
}
