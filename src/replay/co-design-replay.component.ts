import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { DesignDocument } from '../document/types.ts';
import { parseDesign } from '../document/validate.ts';
import { CoDesignErrorEvent } from '../element/events/error.ts';
import { ErrorCode, isStudioError, StudioError } from '../errors.ts';
import { CoDesignReplayReadyEvent } from './events/ready.ts';
import { exportReplayVideo, type ExportVideoOptions, type FilmedView, type ReplayVideo } from './export-video.ts';
import { ReplayFrames } from './frames.ts';
import { fetchDesign, openReplay, type ReplaySource } from './load.ts';
import { ReplayPlayer, SPEEDS } from './player.ts';
import { styles } from './replay.styles.ts';
import { clockText, replayStrings, type ReplayStrings } from './strings.ts';
import { buildTimeline } from './timeline.ts';

const Status = { Loading: 'loading', Ready: 'ready', Failed: 'failed' } as const;
type Status = (typeof Status)[keyof typeof Status];

/** Arrow keys on the scrub bar move this share of the time-lapse; Page keys four times as much. */
const KEY_STEP = 0.05;

/**
 * Plays back how a design was painted: each stroke along its points at its own pace, objects as they were
 * placed, pauses shortened to a second (docs/replay.md). Draws with the studio's own renderer.
 *
 * @attr src - URL of a stored design (`GET /api/designs/{id}` of the reference server, or a plain document).
 * @attr template - The template manifest's URL, as the studio takes it.
 * @attr view - The view to play (default: the design's first).
 * @attr speed - 1, 2, 4, 8 (default), 16, 32 or 64.
 * @attr lang - The language of the controls (default: the page's).
 * @event co-design-replay-ready - Loaded; `duration` is the length at 1× in ms.
 * @event co-design-error - The design or template could not be shown (`code`, `message`); nothing is thrown.
 * @csspart stage - The frame around the canvas.
 * @csspart canvas - The time-lapse.
 * @csspart controls - Play/pause, scrub bar, speed.
 * @cssproperty --co-design-accent - Buttons and the scrub bar.
 */
export class CoDesignReplay extends LitElement {
  static override styles = styles;

  /** The design document (an object or JSON text); validated like everything the studio takes in. */
  @property({ attribute: false }) design: DesignDocument | string | undefined;
  @property({ attribute: 'src' }) src = '';
  @property({ attribute: 'template' }) template = '';
  @property({ attribute: 'view' }) view = '';
  @property({ attribute: 'speed', type: Number }) speed = 8;

  @state() private status: Status = Status.Loading;
  @state() private time = 0;
  @state() private playing = false;
  @state() private failure = '';

  @query('canvas') private canvas!: HTMLCanvasElement;
  private player: ReplayPlayer | undefined;
  private source: ReplaySource | undefined;
  private abort: AbortController | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private t: ReplayStrings = replayStrings(this);

  /** The time-lapse's length at 1×, in ms (0 until loaded). */
  get duration(): number {
    return this.player?.duration ?? 0;
  }

  get currentTime(): number {
    return this.time;
  }

  play(): void {
    this.player?.play();
  }

  pause(): void {
    this.player?.pause();
  }

  seek(ms: number): void {
    this.player?.seek(ms);
  }

  /** Resolves once the replay has its checkpoints: from then on a seek redraws only a few marks. */
  async prepared(): Promise<void> {
    await this.player?.prepared;
  }

  /**
   * Paints the replay at `ms` (1× time) onto `ctx` at its canvas's size, without touching what is shown:
   * the seam a video encoder draws its frames through.
   */
  frameAt(ms: number, ctx: CanvasRenderingContext2D): void {
    if (!this.player) throw new StudioError(ErrorCode.NotReady, 'The replay has not loaded yet');
    this.player.frameAt(ms, ctx);
  }

  /**
   * A video of the whole time-lapse of `view` in `seconds` (docs/replay.md#video). Rejects with a
   * `VideoUnsupportedError` (`video-unsupported`, with the finished design as a PNG in `still`) where the
   * browser cannot encode, and with the signal's reason when cancelled.
   */
  async exportVideo(opts: ExportVideoOptions): Promise<ReplayVideo> {
    return exportReplayVideo(this.filmed(opts.view || this.shownView()), opts);
  }

  private shownView(): string {
    return this.view || this.source?.design.views[0]?.view || '';
  }

  /** How exportVideo paints a view: the shown one through frameAt, another with a renderer of its own. */
  private filmed(viewId: string): FilmedView {
    const source = this.source;
    if (!this.player || !source) throw new StudioError(ErrorCode.NotReady, 'The replay has not loaded yet');
    const view = source.design.views.find((v) => v.view === viewId);
    const painter = source.painter(viewId);
    if (!view || !painter) throw new StudioError(ErrorCode.ViewUnknown, `No view "${viewId}" in the design`);
    const common = { id: viewId, templateId: source.design.template.id, size: painter.view };
    if (viewId === this.shownView()) {
      const player = this.player;
      return { ...common, duration: player.duration, paint: (ms, ctx) => player.frameAt(ms, ctx) };
    }
    const timeline = buildTimeline(source.design, view);
    let sized: ReplayFrames | undefined;
    const paint = (ms: number, ctx: CanvasRenderingContext2D) => {
      const { width, height } = ctx.canvas;
      if (sized?.width !== width || sized.height !== height)
        sized = new ReplayFrames(view, painter, source.objectAssets, timeline, { width, height });
      sized.paint(ctx, Math.max(0, Math.min(timeline.total, ms)));
    };
    return { ...common, duration: timeline.total, paint };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.t = replayStrings(this, this.getAttribute('lang'));
    this.resizeObserver = new ResizeObserver(() => this.player?.resize(this.displayWidth()));
    this.resizeObserver.observe(this);
    if (this.hasUpdated) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.resizeObserver?.disconnect();
    this.player?.dispose();
    this.player = undefined;
    this.source = undefined;
  }

  // willUpdate: the loading state it sets goes out with this update rather than scheduling another.
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('design') || changed.has('src') || changed.has('template') || changed.has('view')) void this.load();
    if (changed.has('speed') && this.player) this.player.speed = this.clampedSpeed();
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    this.player?.dispose();
    this.player = undefined;
    this.source = undefined;
    if ((this.design === undefined && !this.src) || !this.template) return;
    const abort = (this.abort = new AbortController());
    this.status = Status.Loading;
    try {
      const design = this.design !== undefined ? parseDesign(this.design) : await fetchDesign(this.src, abort.signal);
      const source = await openReplay(design, this.template, this.view || undefined, abort.signal);
      if (abort.signal.aborted) return;
      const viewId = this.view || design.views[0].view;
      const view = design.views.find((v) => v.view === viewId);
      const painter = source.painter(viewId);
      if (!view || !painter) throw new StudioError(ErrorCode.ViewUnknown, `No view "${viewId}" in the design`);
      this.status = Status.Ready;
      await this.updateComplete;
      // Another design, template or view may have been set meanwhile: that load shows instead.
      if (abort.signal.aborted) return;
      const onTick = (time: number, playing: boolean) => {
        this.time = time;
        this.playing = playing;
      };
      const timeline = buildTimeline(design, view);
      const player = new ReplayPlayer(
        this.canvas,
        view,
        painter,
        source.objectAssets,
        timeline,
        this.displayWidth(),
        onTick,
      );
      player.speed = this.clampedSpeed();
      this.player = player;
      this.source = source;
      // Reduced motion: the finished design, still, with a play button.
      const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
      player.seek(still ? player.duration : 0);
      this.dispatchEvent(new CoDesignReplayReadyEvent(player.duration));
      if (!still) player.play();
      void player.prepare(abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.status = Status.Failed;
      const known = isStudioError(error) ? error : undefined;
      this.failure = known?.message ?? String((error as Error)?.message ?? error);
      const code = known?.code ?? ErrorCode.DesignInvalid;
      this.dispatchEvent(new CoDesignErrorEvent(code, this.failure));
    }
  }

  private clampedSpeed(): number {
    return SPEEDS.find((s) => s >= this.speed) ?? SPEEDS[SPEEDS.length - 1];
  }

  private displayWidth(): number {
    const css = this.getBoundingClientRect().width || 640;
    return Math.max(1, Math.round(css * (devicePixelRatio || 1)));
  }

  private handlePlay(): void {
    if (this.player?.playing) this.player.pause();
    else this.player?.play();
  }

  private handleScrub(e: Event): void {
    this.player?.seek(Number((e.target as HTMLInputElement).value));
  }

  private handleScrubKey(e: KeyboardEvent): void {
    const total = this.duration;
    const steps: Record<string, number> = {
      ArrowLeft: -KEY_STEP,
      ArrowDown: -KEY_STEP,
      ArrowRight: KEY_STEP,
      ArrowUp: KEY_STEP,
      PageDown: -4 * KEY_STEP,
      PageUp: 4 * KEY_STEP,
    };
    let to: number | undefined;
    if (e.key in steps) to = this.time + steps[e.key] * total;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = total;
    if (to === undefined) return;
    e.preventDefault();
    this.player?.seek(to);
  }

  private handleSpeed(e: Event): void {
    this.speed = Number((e.target as HTMLSelectElement).value);
  }

  private handleKey(e: KeyboardEvent): void {
    // Space and K toggle play, as video players do; a focused button or select handles its own keys.
    const target = e.composedPath()[0] as HTMLElement;
    if (target.localName === 'button' || target.localName === 'select') return;
    if (e.key === ' ' || e.key === 'k') {
      e.preventDefault();
      this.handlePlay();
    }
  }

  override render() {
    const t = this.t;
    if (this.status === Status.Failed)
      return html`<div class="status" role="alert">${t('failed')} ${this.failure}</div>`;
    const total = this.duration;
    const ended = total > 0 && this.time >= total;
    const label = this.playing ? t('pause') : ended ? t('replay') : t('play');
    const timeText = t('time', { now: clockText(this.time), total: clockText(total) });
    return html`
      <div part="stage" @keydown=${this.handleKey}>
        <canvas part="canvas" role="img" aria-label=${t('label')}></canvas>
        ${this.status === Status.Loading ? html`<div class="status" role="status">${t('loading')}</div>` : nothing}
      </div>
      <div part="controls" @keydown=${this.handleKey}>
        <button type="button" ?disabled=${!this.player} @click=${this.handlePlay}>${label}</button>
        <input
          type="range"
          min="0"
          max=${total}
          step="1"
          .value=${String(Math.round(this.time))}
          aria-label=${t('position')}
          aria-valuetext=${timeText}
          ?disabled=${!this.player}
          @input=${this.handleScrub}
          @keydown=${this.handleScrubKey}
        />
        <span class="time" aria-hidden="true">${timeText}</span>
        <label>
          <span class="sr">${t('speed')}</span>
          <select aria-label=${t('speed')} @change=${this.handleSpeed}>
            ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.clampedSpeed()}>${s}×</option>`)}
          </select>
        </label>
      </div>
    `;
  }
}
