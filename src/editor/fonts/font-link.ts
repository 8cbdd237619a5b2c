import type { DesignDocument, TextObject, ViewDesign } from '../../document/types.ts';
import type { TemplateSource } from '../open-template.ts';
import type { FontFailure, TemplateFonts, TextFace, TextLook } from './template-fonts.ts';

export type { FontFailure, TextFace, TextLook } from './template-fonts.ts';

/**
 * The editor's side of the template's shipped fonts. The loader (./template-fonts.ts) is a lazy chunk,
 * fetched with the first text that needs a shipped font; a template that ships none never loads it.
 */
export class FontLink {
  private source: TemplateSource | undefined;
  private fonts: TemplateFonts | undefined;
  private loading: Promise<TemplateFonts> | undefined;

  /** `settled`: a face text waited for has come (or failed); the text on screen is drawn again. */
  constructor(private readonly settled: (failures: FontFailure[]) => void) {}

  use(source: TemplateSource): void {
    if (source === this.source) return;
    this.source = source;
    this.fonts = undefined;
    this.loading = undefined;
  }

  /** How a text object is drawn now; undefined: by its stored CSS font-family, as the template ships no fonts. */
  face(look: TextLook): TextFace | undefined {
    if (this.fonts) return this.fonts.face(look);
    if (!this.ships) return undefined;
    // Text that no load waited for (an undo brought it back): hidden until the loader and its face have come.
    this.ensure([look]).then(
      (failures) => this.settled(failures),
      () => undefined, // the chunk did not come: the next load that waits for text tries again and says so
    );
    return { fontFamily: look.font, opacity: 0 };
  }

  /** Loads every face these texts need; resolves with the fonts that could not be had. */
  async ensure(looks: readonly TextLook[]): Promise<FontFailure[]> {
    if (!looks.length || !this.ships) return [];
    return (await this.loader()).ensure(looks);
  }

  private get ships(): boolean {
    return !!this.source?.manifest.fonts?.some((f) => f.files || f.src);
  }

  private loader(): Promise<TemplateFonts> {
    const source = this.source!;
    this.loading ??= import('./template-fonts.ts').then((m) => {
      const fonts = new m.TemplateFonts(source, (failures) => this.settled(failures));
      if (this.source === source) this.fonts = fonts;
      return fonts;
    });
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }
}

/** The text objects of a design or of one view. */
export function textsOf(design: DesignDocument | ViewDesign): TextObject[] {
  const views = 'views' in design ? design.views : [design];
  return views.flatMap((v) =>
    v.layers.flatMap((l) => (l.kind === 'object' && l.object.type === 'text' ? [l.object] : [])),
  );
}
