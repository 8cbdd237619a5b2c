/**
 * `dist/dashboard.js`: the `<co-design-dashboard>` element for the campaign
 * team, built on its own (`vite build --mode dashboard`).
 */
export { CoDesignDashboard } from './dashboard.ts';
