import { nothing, type ReactiveControllerHost } from 'lit';
import { ErrorCode, StudioError } from '../../errors.ts';
import type { SubmitResult, SubmitView, SubmitViewOptions } from './submit-view.ts';

/**
 * `submit()` on the element's side: loads the submit view (a lazy chunk:
 * the first paint does not need it) the first time, then opens its dialog.
 * A cancel rejects with `submit-cancelled` but is not reported as an error.
 */
export class SubmitFlow {
  private view: SubmitView | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SubmitViewOptions,
    private readonly fail: (error: unknown, fallback: ErrorCode) => StudioError,
  ) {}

  async open(): Promise<SubmitResult> {
    try {
      if (!this.view) {
        const { SubmitView } = await import('./submit-view.ts');
        this.view ??= new SubmitView(this.host, this.options);
      }
      return await this.view.open();
    } catch (error) {
      if (error instanceof StudioError && error.code === ErrorCode.SubmitCancelled) throw error;
      throw this.fail(error, ErrorCode.SubmitFailed);
    }
  }

  render() {
    return this.view?.render() ?? nothing;
  }
}
