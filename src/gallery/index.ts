/**
 * `dist/gallery.js`: defines `<co-design-gallery>`, built on its own (`vite build
 * --mode gallery`), never part of the studio's bundle. The define lives in the
 * entry itself: package.json's `sideEffects` list lets the bundler drop
 * any other module's top-level code.
 */
import { CoDesignGallery } from './gallery.component.ts';

export { CoDesignGallery };

if (!customElements.get('co-design-gallery')) customElements.define('co-design-gallery', CoDesignGallery);

declare global {
  interface HTMLElementTagNameMap {
    'co-design-gallery': CoDesignGallery;
  }
}
