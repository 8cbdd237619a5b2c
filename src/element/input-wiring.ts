import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StudioEditor } from '../editor/editor.ts';
import { ToolId } from '../editor/tools/types.ts';

export interface InputWiringOptions {
  editor(): StudioEditor | undefined;
  fileInput(): HTMLInputElement;
  /** Clears the notice line (a new tool, a fresh start). */
  clearNotice(): void;
  clearError(): void;
  fail(error: unknown): void;
}

/**
 * The element's keyboard and upload input: key events go to the editor's
 * command registry (src/editor/commands/); the image tool opens the file picker and
 * a chosen file is checked (src/security/upload.ts) before it is placed.
 */
export class InputWiring implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: InputWiringOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.handleKeyDown);
    this.host.addEventListener('keyup', this.handleKeyUp);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.handleKeyDown);
    this.host.removeEventListener('keyup', this.handleKeyUp);
  }

  chooseTool(id: ToolId): void {
    this.options.editor()?.commands.run(`tool.${id}`);
    this.options.clearNotice();
    if (id === ToolId.Image) this.options.fileInput().click();
  }

  async uploadFiles(files: FileList | null | undefined): Promise<void> {
    const file = files?.[0];
    const editor = this.options.editor();
    if (!file || !editor) return;
    try {
      const { prepareUpload } = await import('../security/upload.ts');
      const prepared = await prepareUpload(file);
      await editor.addImage(prepared);
      this.options.clearError();
    } catch (error) {
      this.options.fail(error);
    } finally {
      this.options.fileInput().value = '';
    }
  }

  private handleKeyDown = (e: KeyboardEvent): void => {
    const editor = this.options.editor();
    const before = editor?.tool;
    if (!editor?.input.handleKey(e)) return;
    e.preventDefault();
    // The image tool's key opens the file picker, as its button does (a key press may open it).
    if (editor.tool === ToolId.Image && before !== ToolId.Image) this.options.fileInput().click();
  };

  private handleKeyUp = (e: KeyboardEvent): void => {
    const editor = this.options.editor();
    editor?.input.handleKeyUp(e);
  };
}
