import type { TextObject } from '../../document/types.ts';
import { ErrorCode, StudioError } from '../../errors.ts';
import { fontKey } from '../../template/schema.ts';
import type { FontStyle, TemplateFont, TemplateFontFile } from '../../template/types.ts';
import type { TemplateSource } from '../open-template.ts';

// A lazy chunk: the first paint draws no text. The editor reaches it through FontLink (./font-link.ts).

/** What a text object's look needs from a font. */
export type TextLook = Pick<TextObject, 'font' | 'bold' | 'italic'>;

/** How fabric draws a text object right now: hidden while its face loads, in the stand-in once it failed. */
export interface TextFace {
  fontFamily: string;
  opacity: number;
}

/** A font that could not be loaded: `font-unavailable`, its label as `detail`. */
export type FontFailure = StudioError;

type FaceState = 'idle' | 'loading' | 'loaded' | 'failed';
type FontFile = Required<Pick<TemplateFontFile, 'weight' | 'style'>> & { href: string; unicodeRange?: string };

/**
 * One weight and style of a shipped font: its files (every unicode range) load together, and are added to
 * `document.fonts` only once loaded, so the browser never picks a face of ours that is still on its way.
 * Shared by every studio on the page (the registry below): the same files load once.
 */
class FaceGroup {
  state: FaceState = 'idle';
  reason = '';
  private pending: Promise<void> | undefined;

  constructor(
    readonly family: string,
    private readonly files: readonly FontFile[],
  ) {}

  /** Loads the files; a failed group tries again on the next call. */
  load(): Promise<void> {
    if (this.state === 'loaded') return Promise.resolve();
    if (this.state !== 'loading') this.pending = this.attempt();
    return this.pending!;
  }

  private async attempt(): Promise<void> {
    this.state = 'loading';
    try {
      const faces = this.files.map((f) => {
        const face = new FontFace(this.family, `url("${f.href.replace(/["\\\n]/g, encodeURIComponent)}")`, {
          weight: String(f.weight),
          style: f.style,
          unicodeRange: f.unicodeRange ?? 'U+0-10FFFF',
        });
        return face.load().catch((e: unknown) => {
          throw new Error(`${f.href}: ${(e as Error)?.message ?? String(e)}`);
        });
      });
      for (const face of await Promise.all(faces)) document.fonts.add(face);
      this.state = 'loaded';
    } catch (error) {
      this.reason = (error as Error).message;
      this.state = 'failed';
    }
  }
}

// Internal family names: no installed font and no @font-face of the host page can carry one, since a part of
// each is drawn at random when the page loads this chunk. What fabric draws with is then only ever our files.
const pageToken = [...crypto.getRandomValues(new Uint8Array(4))].map((b) => b.toString(16).padStart(2, '0')).join('');
const families = new Map<string, string>();
const groups = new Map<string, FaceGroup>();

/** A template font that ships its files. */
class ShippedFont {
  readonly family: string;
  /** What its text is drawn with when the files cannot be had: the system fonts it replaced. */
  readonly standIn: string;

  constructor(
    readonly font: TemplateFont,
    private readonly files: readonly FontFile[],
  ) {
    const fingerprint = files.map((f) => `${f.href} ${f.weight} ${f.style} ${f.unicodeRange ?? ''}`).join('\n');
    const slug = fontKey(font.family).replace(/[^a-z0-9]+/g, '-');
    if (!families.has(fingerprint)) families.set(fingerprint, `cds-${slug}-${families.size + 1}-${pageToken}`);
    this.family = families.get(fingerprint)!;
    this.standIn = font.aliases?.[0] ?? 'sans-serif';
  }

  /** The files the browser would match for a look (CSS font matching, in short), as one group. */
  group(look: TextLook): FaceGroup {
    const style: FontStyle = look.italic ? 'italic' : 'normal';
    const styled = this.files.filter((f) => f.style === style);
    const pool = styled.length ? styled : this.files.filter((f) => f.style === 'normal');
    const files = pool.length ? pool : this.files;
    const weight = nearestWeight([...new Set(files.map((f) => f.weight))], look.bold ? 700 : 400);
    const key = `${this.family} ${weight} ${files[0].style}`;
    let group = groups.get(key);
    if (!group)
      groups.set(
        key,
        (group = new FaceGroup(
          this.family,
          files.filter((f) => f.weight === weight),
        )),
      );
    return group;
  }

  failure(group: FaceGroup): FontFailure {
    const label = this.font.label ?? this.font.family;
    return new StudioError(ErrorCode.FontUnavailable, `The font ${label} could not be loaded (${group.reason})`, {
      detail: label,
    });
  }
}

/** CSS Fonts' weight matching: 400 looks up to 500 first, lighter wants lighter, bolder wants bolder. */
export function nearestWeight(available: readonly number[], want: number): number {
  if (available.includes(want)) return want;
  const up = available.filter((w) => w > want).sort((a, b) => a - b);
  const down = available.filter((w) => w < want).sort((a, b) => b - a);
  if (want >= 400 && want <= 500) return up.find((w) => w <= 500) ?? down[0] ?? up[0];
  return want < 400 ? (down[0] ?? up[0]) : (up[0] ?? down[0]);
}

/**
 * A template's shipped fonts: which stored name means which font (its family or an alias), and each face
 * loaded once, when text first needs it. `settled` hears when a face that text waited for has loaded or failed.
 */
export class TemplateFonts {
  private readonly byName = new Map<string, ShippedFont>();
  private readonly awaited = new Set<FaceGroup>();

  constructor(
    source: TemplateSource,
    private readonly settled: (failures: FontFailure[]) => void,
  ) {
    for (const font of source.manifest.fonts ?? []) {
      const files = font.files ?? (font.src ? [{ src: font.src }] : []);
      if (!files.length) continue;
      const shipped = new ShippedFont(
        font,
        files.map((f) => ({
          href: source.resolve(f.src),
          weight: f.weight ?? 400,
          style: f.style ?? 'normal',
          unicodeRange: f.unicodeRange,
        })),
      );
      for (const name of [font.family, ...(font.aliases ?? [])]) this.byName.set(fontKey(name), shipped);
    }
  }

  /** The shipped font a stored name means, if any (else it names system fonts, drawn as they are). */
  fontFor(name: string): ShippedFont | undefined {
    return this.byName.get(fontKey(name));
  }

  /** fabric's font for a text object now; a face still to come starts loading, and `settled` follows. */
  face(look: TextLook): TextFace | undefined {
    const font = this.fontFor(look.font);
    if (!font) return undefined;
    const group = font.group(look);
    if (group.state === 'loaded') return { fontFamily: `"${font.family}"`, opacity: 1 };
    if (group.state === 'failed') return { fontFamily: font.standIn, opacity: 1 };
    if (!this.awaited.has(group)) {
      this.awaited.add(group);
      void group.load().then(() => {
        this.awaited.delete(group);
        this.settled(group.state === 'failed' ? [font.failure(group)] : []);
      });
    }
    // Hidden, not drawn in another font, for the moment its face takes to come.
    return { fontFamily: font.standIn, opacity: 0 };
  }

  /** Loads (or tries again) every face these texts need; says which fonts could not be had. */
  async ensure(looks: readonly TextLook[]): Promise<FontFailure[]> {
    const wanted = new Map<FaceGroup, ShippedFont>();
    for (const look of looks) {
      const font = this.fontFor(look.font);
      if (font) wanted.set(font.group(look), font);
    }
    await Promise.all([...wanted.keys()].map((g) => g.load()));
    const failed = new Map([...wanted].filter(([g]) => g.state === 'failed').map(([g, font]) => [font, g]));
    return [...failed].map(([font, g]) => font.failure(g));
  }
}
