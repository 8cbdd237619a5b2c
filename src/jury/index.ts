/**
 * `dist/jury.js`: defines `<co-design-jury>`, built on its own (`vite build
 * --mode jury`) for the reference server's `/jury` page.
 */
import { CoDesignJury } from './jury.component.ts';

export { CoDesignJury };

if (!customElements.get('co-design-jury')) customElements.define('co-design-jury', CoDesignJury);

declare global {
  interface HTMLElementTagNameMap {
    'co-design-jury': CoDesignJury;
  }
}
