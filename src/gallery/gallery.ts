import { CoDesignGallery } from './gallery.component.ts';

export { CoDesignGallery };

if (!customElements.get('co-design-gallery')) customElements.define('co-design-gallery', CoDesignGallery);

declare global {
  interface HTMLElementTagNameMap {
    'co-design-gallery': CoDesignGallery;
  }
}
