import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DesignDocument } from '../../src/document/types.ts';
import type { CoDesignReplay } from '../../src/replay/co-design-replay.component.ts';
import { expectNoViolations } from '../a11y/axe.ts';
import { startApiServer } from '../server/client.ts';
import { cdp } from '../support/cdp.ts';
import { waitFor } from '../support/wait.ts';
import { fixtureSubmission } from '../transport/support.ts';
import { mountReplay } from './support.ts';

async function v1Design(): Promise<DesignDocument> {
  return (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
}

const shadow = <T extends Element>(el: CoDesignReplay, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

describe('<co-design-replay> controls', () => {
  let r: CoDesignReplay | undefined;
  afterEach(async () => {
    r?.remove();
    r = undefined;
    await cdp({ method: 'Emulation.setEmulatedMedia', params: { features: [] } });
  });

  it('plays at once, and pauses, plays and seeks from the keyboard', async () => {
    r = await mountReplay(await v1Design(), { speed: 1 });
    await waitFor(() => r!.currentTime > 0, 'the replay playing by itself');
    const button = shadow<HTMLButtonElement>(r, 'button');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => button.textContent?.trim() === 'Play', 'the button offering to play again');
    const paused = r.currentTime;
    expect(paused).to.be.below(r.duration);

    await sendKeys({ press: 'Tab' });
    expect(r.shadowRoot!.activeElement?.localName, 'the scrub bar is next').to.equal('input');
    await sendKeys({ press: 'End' });
    expect(r.currentTime).to.equal(r.duration);
    expect(button.textContent?.trim()).to.equal('Play again');
    await sendKeys({ press: 'Home' });
    expect(r.currentTime).to.equal(0);
    await sendKeys({ press: 'ArrowRight' });
    expect(r.currentTime).to.be.closeTo(r.duration * 0.05, 1);
    const range = shadow<HTMLInputElement>(r, 'input[type="range"]');
    expect(range.getAttribute('aria-valuetext')).to.match(/^0:00 of 0:0\d$/);

    // Space on the scrub bar plays, as in a video player.
    await sendKeys({ press: 'Space' });
    await waitFor(() => button.textContent?.trim() === 'Pause', 'playing again');
    await waitFor(() => r!.currentTime > r!.duration * 0.05, 'time moving on');

    await sendKeys({ press: 'Tab' });
    expect(r.shadowRoot!.activeElement?.localName, 'the speed is last').to.equal('select');
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => shadow<HTMLSelectElement>(r!, 'select').value === '2', 'the speed raised to 2×');
  });

  it('opens on the finished design with a play button when motion is reduced', async () => {
    await cdp({ method: 'Emulation.setEmulatedMedia', params: { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] } });
    r = await mountReplay(await v1Design());
    expect(r.currentTime).to.equal(r.duration);
    const button = shadow<HTMLButtonElement>(r, 'button');
    expect(button.textContent?.trim()).to.equal('Play again');
    // Proves the clock would have run: playing is one press away.
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => r!.currentTime < r!.duration, 'the replay starting from the beginning');
  });

  it('has nothing for axe to find, playing and paused', async () => {
    r = await mountReplay(await v1Design());
    await expectNoViolations(r, 'the replay playing');
    r.pause();
    await r.updateComplete;
    await expectNoViolations(r, 'the replay paused');
  });

  it('speaks the page’s language', async () => {
    document.documentElement.lang = 'de';
    try {
      r = await mountReplay(await v1Design());
      r.pause();
      await r.updateComplete;
      expect(shadow(r, 'button').textContent?.trim()).to.equal('Abspielen');
      expect(shadow(r, 'canvas').getAttribute('aria-label')).to.equal('Zeitraffer des Designs');
    } finally {
      document.documentElement.lang = '';
    }
  });

  for (const [name, template, code] of [
    ['a template that is not there', '/templates/nosuch.json', 'template-load-failed'],
    ['another template than the design’s', '/templates/sneaker.json', 'design-template-mismatch'],
  ]) {
    it(`reports ${name} as ${code}`, async () => {
      const el = document.createElement('co-design-replay');
      el.setAttribute('template', template);
      el.design = await v1Design();
      const failed = new Promise<Event & { code: string }>((resolve) => el.addEventListener('co-design-error', (e) => resolve(e as never), { once: true }));
      document.body.append(el);
      expect((await failed).code).to.equal(code);
      el.remove();
    });
  }

  it('says so when the design at `src` cannot be had, throwing nothing at the host', async () => {
    const api = await startApiServer();
    try {
      const el = document.createElement('co-design-replay');
      el.setAttribute('template', '/templates/roadster.json');
      el.setAttribute('src', `${api.endpoint}/designs/nosuchdesign`);
      const failed = new Promise<Event & { code: string; message: string }>((resolve) => el.addEventListener('co-design-error', (e) => resolve(e as never), { once: true }));
      document.body.append(el);
      const error = await failed;
      expect(error.message).to.match(/answered 404/);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('answered 404');
      el.remove();
    } finally {
      await api.stop();
    }
  });

  it('plays a design stored on the reference backend, given by its URL', async () => {
    const api = await startApiServer();
    try {
      const design = await v1Design();
      const submission = { ...fixtureSubmission('replaysrc'), design: design as never };
      const res = await fetch(`${api.endpoint}/designs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'replay-src' },
        body: JSON.stringify(submission),
      });
      expect(res.status).to.equal(201);
      const { id } = await res.json();
      expect((await api.admin('POST', `/designs/${id}/approve`)).status).to.equal(200);
      r = await mountReplay(undefined, { src: `${api.endpoint}/designs/${id}` });
      expect(r.duration).to.be.above(0);
    } finally {
      await api.stop();
    }
  });
});
