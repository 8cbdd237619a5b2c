import { svg, type SVGTemplateResult } from 'lit';

/** The crossed-out eye's path data, split only to keep the line short. */
const EYE_OFF =
  'M3 3l18 18 M10.6 5.1A10 10 0 0 1 12 5c6 0 10 7 10 7a17 17 0 0 1-3 3.6 ' +
  'M6.5 6.6C3.8 8.4 2 12 2 12s4 7 10 7a9.6 9.6 0 0 0 4.5-1.1';

/** 24×24 stroke icons, drawn for this project; `currentColor` follows the theme. */
const paths: Record<string, SVGTemplateResult> = {
  layers: svg`<path d="M12 3l9 5-9 5-9-5z M3 13l9 5 9-5"/>`,
  eye: svg`<path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z M12 9a3 3 0 1 0 .01 0"/>`,
  eyeOff: svg`<path d=${EYE_OFF}></path>`,
  lock: svg`<path d="M6 11h12v10H6z M8 11V7a4 4 0 0 1 8 0v4"/>`,
  unlock: svg`<path d="M6 11h12v10H6z M8 11V7a4 4 0 0 1 7.5-2"/>`,
  trash: svg`<path d="M4 7h16 M9 7V4h6v3 M6 7l1 14h10l1-14"/>`,
  close: svg`<path d="M6 6l12 12 M18 6L6 18"/>`,
  drafts: svg`<path d="M4 6h6l2 2h8v11H4z M4 10h16"/>`,
  download: svg`<path d="M12 4v11 M7 10l5 5 5-5 M5 20h14"/>`,
  upload: svg`<path d="M12 20V9 M7 14l5-5 5 5 M5 4h14"/>`,
  rename: svg`<path d="M4 20h4L19 9l-4-4L4 16z M13 7l4 4"/>`,
  duplicate: svg`<path d="M8 8h12v12H8z M4 16V4h12"/>`,
  plus: svg`<path d="M12 5v14 M5 12h14"/>`,
  more: svg`<path d="M5 12h.01 M12 12h.01 M19 12h.01"/>`,
};

/**
 * An icon by name, or by the SVG path data a registered command or tool
 * carries (src/editor/commands/), so a new tool brings its own icon.
 */
export function icon(nameOrPath: string): SVGTemplateResult {
  const body =
    paths[nameOrPath] ?? (/^M[\d\s.,a-zA-Z-]+$/.test(nameOrPath) ? svg`<path d=${nameOrPath}></path>` : paths.more);
  return svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"
  >${body}</svg>`;
}
