import { html, nothing, type TemplateResult } from 'lit';
import type { StudioEditor } from '../editor/editor.ts';
import type { ToolId } from '../editor/tools/types.ts';
import type { Translate } from '../i18n/translate.ts';
import type { LoadedTemplate } from '../template/load.ts';
import { renderHeader } from '../ui/header.ts';
import { renderMessages, renderSidePanel } from '../ui/side-panel.ts';
import { renderToolbar } from '../ui/toolbar.ts';
import { CANVAS_SHORTCUTS, describeCanvas } from './messages.ts';

/** What the studio's shadow tree shows, and where each control goes. */
export interface StudioView {
  editor: StudioEditor | undefined;
  loaded: LoadedTemplate | undefined;
  t: Translate;
  panelOpen: boolean;
  briefOpen: boolean;
  notice: string;
  error: string;
  /** The save status and storage notice (src/features/drafts-list/). */
  status: unknown;
  /** The open dialogs (drafts, submit), or nothing. */
  dialogs: unknown;
  onDrafts(): void;
  onSubmit(): void;
  onPanel(): void;
  onBrief(open: boolean): void;
  onTool(id: ToolId): void;
  onStagePointer(): void;
  onCloseError(): void;
  onUpload(files: FileList | null): void;
  onBackupFile(input: HTMLInputElement): void;
}

/** The studio's layout: header, toolbar, canvas, side panel, messages, file inputs and dialogs. */
export function renderStudio(v: StudioView): TemplateResult {
  const { editor, loaded, t } = v;
  return html`<div
    class="shell ${v.panelOpen ? 'panel-open' : ''}"
    part="shell"
    dir=${t.dir}
    lang=${t.locale}
    aria-label=${t('studio.label')}
    role="group"
  >
    ${renderHeader({
      editor,
      manifest: loaded?.manifest,
      panelOpen: v.panelOpen,
      t,
      onDrafts: v.onDrafts,
      onSubmit: v.onSubmit,
      onPanel: v.onPanel,
    })}
    ${editor ? renderToolbar({ editor, t, onTool: v.onTool }) : html`<div class="toolbar" part="toolbar"></div>`}
    <div
      class="stage"
      part="canvas"
      tabindex="0"
      role="application"
      aria-label=${t('studio.canvasLabel')}
      aria-describedby="canvas-description canvas-help"
      aria-keyshortcuts=${CANVAS_SHORTCUTS}
      @pointerdown=${v.onStagePointer}
    ></div>
    <div class="visually-hidden">
      <p id="canvas-description">${editor ? describeCanvas(t, editor) : t('studio.loading')}</p>
      <p id="canvas-help">${t('studio.canvasHelp')}</p>
    </div>
    ${renderSidePanel({
      editor,
      loaded,
      t,
      briefOpen: v.briefOpen,
      onBrief: v.onBrief,
      onStyle: (p) => editor?.setStyle(p),
    })}
    <div class="messages">
      ${v.status} ${renderMessages({ notice: v.notice, error: v.error, t, onCloseError: v.onCloseError })}
    </div>
    <input
      type="file"
      class="image-file"
      hidden
      accept="image/png,image/jpeg,image/svg+xml,.svg"
      @change=${(e: Event) => v.onUpload((e.target as HTMLInputElement).files)}
    />
    <input
      type="file"
      class="backup-file"
      hidden
      accept=".json,application/json"
      @change=${(e: Event) => v.onBackupFile(e.target as HTMLInputElement)}
    />
    ${v.dialogs ?? nothing}
  </div>`;
}
