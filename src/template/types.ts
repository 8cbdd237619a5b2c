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
  /** CSS font-family name used for text objects. */
  family: string;
  label?: string;
  /** Optional font file (woff2/woff/ttf) to load with the FontFace API. */
  src?: string;
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
