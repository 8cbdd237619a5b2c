/**
 * `dist/gallery.js`: the `<co-design-gallery>` element, built on its own
 * (`vite build --mode gallery`), never part of the studio's bundle.
 */
export { CoDesignGallery } from './gallery.ts';
