import { svg, type SVGTemplateResult } from 'lit';

/** 24×24 stroke icons, drawn for this project; `currentColor` follows the theme. */
const paths: Record<string, SVGTemplateResult> = {
  select: svg`<path d="M5 3l13 8-6 1.5L15 20l-2.5 1-3-7.5L5 17z"/>`,
  pencil: svg`<path d="M4 20l1-4L16 5l3 3L8 19z M14 7l3 3"/>`,
  marker: svg`<path d="M6 18l-2 3h5l1-2 M7 16l9-11 4 3-9 11z M6 18l3 1"/>`,
  spray: svg`<path d="M8 9h6v12H8z M9 9V6h4v3 M11 6V4 M16 4h1 M18 6h1 M16 7h1 M19 3h1"/>`,
  eraser: svg`<path d="M4 16l9-11 7 6-8 10H8z M9 10l6 6 M12 21h8"/>`,
  fill: svg`<path d="M5 12l7-7 7 7-7 7z M19 15s2 2.5 2 4a2 2 0 0 1-4 0c0-1.5 2-4 2-4"/>`,
  text: svg`<path d="M5 6V4h14v2 M12 4v16 M9 20h6"/>`,
  shape: svg`<path d="M3 14h8v7H3z M17 3l4 7h-8z M17 14a3.5 3.5 0 1 0 .01 0"/>`,
  sticker: svg`<path d="M4 4h12l4 4v12H4z M16 4v4h4 M9 14s1 2 3 2 3-2 3-2 M9 10h.01 M15 10h.01"/>`,
  image: svg`<path d="M3 5h18v14H3z M3 16l5-5 4 4 3-3 6 6 M15 9h.01"/>`,
  undo: svg`<path d="M9 14L4 9l5-5 M4 9h10a6 6 0 0 1 0 12h-3"/>`,
  redo: svg`<path d="M15 14l5-5-5-5 M20 9H10a6 6 0 0 0 0 12h3"/>`,
  zoomIn: svg`<path d="M10 4a6 6 0 1 0 .01 0 M20 20l-5.5-5.5 M10 7v6 M7 10h6"/>`,
  zoomOut: svg`<path d="M10 4a6 6 0 1 0 .01 0 M20 20l-5.5-5.5 M7 10h6"/>`,
  fit: svg`<path d="M4 9V4h5 M15 4h5v5 M20 15v5h-5 M9 20H4v-5"/>`,
  layers: svg`<path d="M12 3l9 5-9 5-9-5z M3 13l9 5 9-5"/>`,
  up: svg`<path d="M6 15l6-6 6 6"/>`,
  down: svg`<path d="M6 9l6 6 6-6"/>`,
  eye: svg`<path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z M12 9a3 3 0 1 0 .01 0"/>`,
  eyeOff: svg`<path d="M3 3l18 18 M10.6 5.1A10 10 0 0 1 12 5c6 0 10 7 10 7a17 17 0 0 1-3 3.6 M6.5 6.6C3.8 8.4 2 12 2 12s4 7 10 7a9.6 9.6 0 0 0 4.5-1.1"/>`,
  lock: svg`<path d="M6 11h12v10H6z M8 11V7a4 4 0 0 1 8 0v4"/>`,
  unlock: svg`<path d="M6 11h12v10H6z M8 11V7a4 4 0 0 1 7.5-2"/>`,
  trash: svg`<path d="M4 7h16 M9 7V4h6v3 M6 7l1 14h10l1-14"/>`,
  duplicate: svg`<path d="M8 8h12v12H8z M4 16V4h12"/>`,
  plus: svg`<path d="M12 5v14 M5 12h14"/>`,
  close: svg`<path d="M6 6l12 12 M18 6L6 18"/>`,
  drafts: svg`<path d="M4 6h6l2 2h8v11H4z M4 10h16"/>`,
  download: svg`<path d="M12 4v11 M7 10l5 5 5-5 M5 20h14"/>`,
  upload: svg`<path d="M12 20V9 M7 14l5-5 5 5 M5 4h14"/>`,
  rename: svg`<path d="M4 20h4L19 9l-4-4L4 16z M13 7l4 4"/>`,
  more: svg`<path d="M5 12h.01 M12 12h.01 M19 12h.01"/>`,
};

export function icon(name: string): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${paths[name] ?? paths.more}</svg>`;
}
