import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DesignDocument } from '../document/types.ts';
import type { EditorChange, StudioEditor } from '../editor/editor.ts';
import type { ExportOptions } from '../editor/export.ts';
import type { ToolNotice } from '../editor/tools/types.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import type { Translate } from '../i18n/translate.ts';
import { loadTemplate, type LoadedTemplate } from '../template/load.ts';
import type { TemplateManifest } from '../template/types.ts';
import type { DraftsController } from '../drafts/controller.ts';
import type { Metrics } from '../protocol/metrics.ts';
import { freshDesign } from './wiring.ts';

export interface EditorControllerOptions {
  stage(): HTMLElement;
  t(): Translate;
  author(): string | undefined;
  drafts: DraftsController;
  /** What must be in place before a draft restores: the translation table, the bridge when framed. */
  before(): Promise<unknown>;
  /** The draft's time on task, from storage, before the design shows. */
  restoreMetrics(metrics: Metrics | undefined): void;
  opened(design: DesignDocument): void;
  changed(change: EditorChange): void;
  /** Tool, selection, layers or history changed: redraw the chrome. */
  stateChanged(): void;
  notice(notice: ToolNotice | 'off-palette'): void;
  fail(error: StudioError): void;
}

/**
 * The editor (fabric, the canvas, the tools) is a chunk of its own: the first
 * paint, the shell saying "loading", does not need it. It is asked for as soon
 * as the element is defined (src/co-design-studio.ts), so a studio put on the
 * page later finds it ready, and one in the page's markup gets it while its
 * template is fetched. One request per page, whatever the number of studios;
 * a failed load may be tried again by the next studio.
 */
let editorModule: Promise<typeof import('../editor/editor.ts')> | undefined;
export function loadEditor(): Promise<typeof import('../editor/editor.ts')> {
  editorModule ??= import('../editor/editor.ts');
  editorModule.catch(() => (editorModule = undefined));
  return editorModule;
}

/**
 * The editor's life inside the element: made on the first template, opened
 * with the restored draft (or an empty design), disposed when the element
 * leaves the page. One template load at a time; a newer one wins.
 */
export class EditorController implements ReactiveController {
  editor: StudioEditor | undefined;
  loaded: LoadedTemplate | undefined;
  private loading: AbortController | undefined;
  /** The template being opened: drafts are checked against it before it shows. */
  private opening: TemplateManifest | undefined;
  /** Fonts that failed while a template opened: told once it is open (opening clears the error line). */
  private readonly fontErrors: StudioError[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: EditorControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Asked for the moment the element is on the page, ahead of the template it will show.
    loadEditor().catch(() => undefined);
  }

  hostDisconnected(): void {
    this.loading?.abort();
    this.editor?.dispose();
    this.editor = undefined;
    this.loaded = undefined;
  }

  /** The editor once a design is open, for the public methods. */
  get ready(): StudioEditor {
    if (!this.editor?.ready) throw new StudioError(ErrorCode.NotReady, 'The studio has no template loaded yet');
    return this.editor;
  }

  get manifest(): TemplateManifest | undefined {
    return this.opening ?? this.loaded?.manifest ?? this.editor?.manifest;
  }

  /** An empty design for the open template, its first layer named in the customer's language. */
  emptyDesign(manifest: TemplateManifest | undefined = this.manifest): DesignDocument {
    if (!manifest) throw new StudioError(ErrorCode.NotReady, 'The studio has no template loaded yet');
    return freshDesign(manifest, this.options.t()('layer.paint', { n: 1 }), this.options.author());
  }

  /** Loads a template, restores its draft and shows it; `co-design-ready` follows through `opened`. */
  async open(source: string | TemplateManifest, draftKey: string): Promise<void> {
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    const { drafts } = this.options;
    this.fontErrors.length = 0;
    try {
      // Beside the template's fetch: the draft checks (when a draft is stored) and the editor's canvas.
      void drafts.warm().then((stored) => (stored ? import('./design-checks.ts').catch(() => undefined) : undefined));
      const before = this.options.before();
      const made = Promise.all([loadEditor(), before, this.host.updateComplete]).then(([m]) =>
        this.ensureEditor(m.StudioEditor),
      );
      // Awaited below; a template that fails first must not leave it rejected and unheard.
      made.catch(() => undefined);
      const [loaded] = await Promise.all([loadTemplate(source, { signal: loading.signal }), before]);
      const editor = await made;
      this.opening = loaded.manifest;
      // The product's art loads while the draft is read and checked.
      editor.preloadArt(loaded);
      const opened = await drafts.restore(loaded.manifest.id, draftKey);
      this.options.restoreMetrics(opened?.metrics ?? undefined);
      if (loading.signal.aborted) return;
      const design = opened?.design ?? this.emptyDesign(loaded.manifest);
      await editor.open(loaded, {
        design,
        history: opened?.history,
        view: opened?.view,
        seeds: opened?.seeds,
        handOver: true,
      });
      if (loading.signal.aborted) return;
      drafts.attach(opened);
      this.loaded = loaded;
      this.opening = undefined;
      this.options.opened(editor.design);
      for (const error of this.fontErrors.splice(0)) this.options.fail(error);
    } catch (error) {
      if (loading.signal.aborted) return;
      const reason = String((error as Error)?.message ?? error);
      this.options.fail(
        error instanceof StudioError
          ? error
          : new StudioError(ErrorCode.TemplateLoadFailed, reason, { detail: reason }),
      );
    }
  }

  /** A PNG of one view of the design on screen; an unknown view is refused with `view-unknown`. */
  exportImage(opts: ExportOptions): Promise<Blob> {
    const editor = this.ready;
    if (opts.view && !editor.manifest!.views.some((v) => v.id === opts.view)) {
      throw new StudioError(ErrorCode.ViewUnknown, `No view "${opts.view}" in this template`, { detail: opts.view });
    }
    return editor.exportImage(opts);
  }

  /** Validates a design from outside (schema, template, image bytes) and shows it; never an undo step. */
  async showChecked(doc: unknown, view?: string): Promise<void> {
    const editor = this.ready;
    // The design checks are lazy chunks: the first paint does not need them.
    const [{ parseDesign }, checks] = await Promise.all([
      import('../document/validate.ts'),
      import('./design-checks.ts'),
    ]);
    const parsed = parseDesign(doc);
    checks.checkDesignForTemplate(parsed, editor.manifest!);
    await checks.verifyDesignImages(parsed);
    await editor.show({ design: parsed, view });
  }

  private ensureEditor(Editor: typeof StudioEditor): StudioEditor {
    if (this.editor) return this.editor;
    const t = () => this.options.t();
    const editor = new Editor(this.options.stage(), {
      layerName: (kind, n) => t()(`layer.${kind}`, { n }),
      copyName: (name) => t()('layer.copy', { name }),
      defaultText: () => t()('text.default'),
    });
    editor.addEventListener('change', (e) => this.options.changed((e as CustomEvent<EditorChange>).detail));
    editor.addEventListener('state', () => this.options.stateChanged());
    editor.addEventListener('notice', (e) =>
      this.options.notice((e as CustomEvent<ToolNotice | 'off-palette'>).detail),
    );
    editor.addEventListener('font-failed', (e) => {
      const error = (e as CustomEvent<StudioError>).detail;
      if (this.opening) this.fontErrors.push(error);
      else this.options.fail(error);
    });
    this.editor = editor;
    return editor;
  }
}
