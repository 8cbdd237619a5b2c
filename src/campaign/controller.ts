import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StudioCampaign, StudioEntry } from './read.ts';

export interface CampaignSource {
  endpoint(): string | undefined;
  /** The `campaign` attribute: a campaign id on the host backend. */
  id(): string | undefined;
  /** The participant token the host's backend signed, if the customer is signed in. */
  participant(): string | undefined;
}

/** Under an hour left, the countdown moves every second; before that, every half minute is plenty. */
const FAST = 1000;
const SLOW = 30_000;
const HOUR = 3600_000;

/**
 * What the studio knows of its campaign (docs/campaigns.md): the phase and
 * when it ends, kept live, and whether this participant already entered.
 * The server decides; this only shows. When the phase's end passes, the
 * campaign is asked again, so "submit" closes in front of the customer.
 */
export class CampaignController implements ReactiveController {
  campaign: StudioCampaign | undefined;
  entry: StudioEntry | undefined;
  /** Why the campaign could not be read, in words; empty when all is well. */
  problem = '';
  /** The clock the countdown was last drawn with. */
  now = Date.now();

  private key = '';
  /** The phase end the server was last asked about, so a clock ahead of the server's asks again gently. */
  private asked: number | undefined;
  private abort: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: CampaignSource,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const endpoint = this.source.endpoint();
    const id = this.source.id();
    const key = `${endpoint ?? ''}\n${id ?? ''}\n${this.source.participant() ?? ''}`;
    if (key === this.key) return;
    this.key = key;
    this.campaign = undefined;
    this.entry = undefined;
    this.problem = '';
    if (endpoint && id) void this.load(endpoint, id, this.source.participant());
    else this.stop();
  }

  hostDisconnected(): void {
    this.stop();
    this.key = '';
  }

  /** After a delivered submission: this person's entry now exists (and the server replaced any older one). */
  entered(): void {
    if (!this.source.participant()) return;
    this.entry = { entered: true, versions: (this.entry?.versions ?? 0) + 1 };
    this.host.requestUpdate();
  }

  private stop(): void {
    this.abort?.abort();
    clearTimeout(this.timer);
  }

  private async load(endpoint: string, id: string, participant: string | undefined): Promise<void> {
    this.stop();
    const abort = (this.abort = new AbortController());
    const base = new URL(endpoint.replace(/\/+$/, ''), location.href).href;
    const url = `${base}/campaigns/${encodeURIComponent(id)}`;
    try {
      // Only a studio in a campaign needs the reader: it loads with the first campaign.
      const { readCampaign, readEntry } = await import('./read.ts');
      const campaign = readCampaign(await getJson(url, { signal: abort.signal }));
      const entry = participant
        ? readEntry(
            await getJson(`${url}/entry`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ participant }),
              signal: abort.signal,
            }),
          )
        : undefined;
      if (abort.signal.aborted) return;
      this.campaign = campaign;
      this.entry = entry;
      this.problem = '';
      this.tick();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.problem = (error as Error).message;
    }
    this.host.requestUpdate();
  }

  private tick = (): void => {
    this.now = Date.now();
    const end = this.campaign?.phaseEndsAt;
    if (end === null || end === undefined) return;
    const left = end - this.now;
    if (left <= 0) {
      // The phase is over by this clock: ask the server what it is now (again in a few seconds if it disagrees).
      const wait = this.asked === end ? 5000 : 0;
      this.asked = end;
      this.timer = setTimeout(() => {
        const endpoint = this.source.endpoint();
        const id = this.source.id();
        if (endpoint && id) void this.load(endpoint, id, this.source.participant());
      }, wait);
      return;
    }
    this.host.requestUpdate();
    this.timer = setTimeout(this.tick, Math.min(left + 50, left < HOUR ? FAST - (left % FAST) + 5 : SLOW));
  };
}

async function getJson(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new Error(typeof message === 'string' ? message.slice(0, 300) : `the server answered ${response.status}`);
  }
  return body;
}
