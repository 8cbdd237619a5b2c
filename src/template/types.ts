/**
 * A template manifest describes one product: its views, where paint may go
 * and what the brand fixes. Asset URLs are relative to the manifest's URL.
 * Documented with its JSON Schema in docs/templates.md.
 */
export const TEMPLATE_FORMAT = 'co-design-template';

export interface TemplateManifest {
  format: typeof TEMPLATE_FORMAT;
  /** Version of the manifest format (not of this template). */
  version: 1;
  id: string;
  name: string;
  /** The brand's own version of this template; stored in every design. */
  templateVersion: string;
  views: TemplateView[];
  /** When present, the only colours a customer may use (`#rrggbb`). */
  palette?: string[];
  fonts?: TemplateFont[];
  stickers?: TemplateSticker[];
  brief?: TemplateBrief;
  /** The eyedropper may pick colours from the product art too, not only from the customer's design. */
  pickProductColours?: boolean;
}

export interface TemplateView {
  id: string;
  name: string;
  /** Size of the view in design units; all paths and placements use them. */
  width: number;
  height: number;
  /** Product artwork under the paint (SVG or PNG). */
  base?: string;
  /** Shading/highlights drawn over the paint so it sits on the product. */
  overlay?: string;
  overlayBlend?: OverlayBlend;
  /** Paint shows only inside the union of these areas. */
  areas: DesignArea[];
  /** Brand elements drawn over the paint that the customer cannot move or remove. */
  locked?: LockedElement[];
  /** The axis the mirror toggle paints across; default a vertical axis through the view's centre. */
  mirror?: TemplateMirror;
  /** Named lines text can follow (a car's sill, a deck's nose); ids unique in the manifest. */
  paths?: TemplatePath[];
  /** The view's physical size and what of it is printed (docs/print.md); without it the view is not printed. */
  print?: TemplatePrint;
}

/** How a view is printed: its true size, the bleed around it and the printed panels. */
export interface TemplatePrint {
  /** The view's width on the product in millimetres; the height follows from the view's aspect. */
  widthMm: number;
  /** Paint beyond each printed area's edge, in millimetres, so a cut a little off shows no white. */
  bleedMm: number;
  /** Keep text and logos this far inside an area's edge (millimetres); shown as a guide in the studio. */
  safeMm?: number;
  /** The design areas that are printed; default all of the view's areas. */
  panels?: string[];
}

export interface TemplatePath {
  id: string;
  name: string;
  /** SVG path data in view units, drawn in the direction the text reads. */
  d: string;
}

export const MIRROR_AXES = ['vertical', 'horizontal'] as const;
export type MirrorAxisKind = (typeof MIRROR_AXES)[number];

export interface TemplateMirror {
  axis: MirrorAxisKind;
  /** x of a vertical axis, y of a horizontal one, in view units; default the view's centre. */
  at?: number;
}

export const OVERLAY_BLENDS = ['source-over', 'multiply', 'screen', 'overlay'] as const;
export type OverlayBlend = (typeof OVERLAY_BLENDS)[number];

export interface DesignArea {
  id: string;
  name: string;
  /** SVG path data in view units. */
  path: string;
}

export interface LockedElement {
  id: string;
  name: string;
  src: string;
  /** Top-left corner and size in view units. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TemplateFont {
  /**
   * The font's name, which new text objects store. With `files` it names the shipped font (never looked up among
   * the device's fonts); without, it is a CSS font-family list of system fonts, as in the first templates.
   */
  family: string;
  label?: string;
  /** The font's files (woff2), loaded with the FontFace API when text first needs them. */
  files?: TemplateFontFile[];
  /** One font file: the same as `files: [{ src }]`. */
  src?: string;
  /** The licence text shipped next to the files; required with `files`. */
  license?: string;
  /** Font-family lists that earlier designs stored and that now mean this font (docs/craft/fonts.md). */
  aliases?: string[];
}

export const FONT_STYLES = ['normal', 'italic'] as const;
export type FontStyle = (typeof FONT_STYLES)[number];

/** One file of a font: a weight and style, and the characters it covers. */
export interface TemplateFontFile {
  src: string;
  /** 1–1000; default 400. */
  weight?: number;
  /** Default `normal`. */
  style?: FontStyle;
  /** A CSS unicode-range, e.g. `U+0000-00FF, U+0131`; default: every character. */
  unicodeRange?: string;
}

export interface TemplateSticker {
  id: string;
  name: string;
  src: string;
  /** Natural size in view units when placed at scale 1. */
  width: number;
  height: number;
}

export interface TemplateBrief {
  title: string;
  text: string;
  rules: string[];
  /** Version of the terms the customer consents to on submit. */
  termsVersion: string;
  terms: string;
}
