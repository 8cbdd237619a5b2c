import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/co-design-studio.ts';
import type { CoDesignStudio } from '../../src/element/co-design-studio.component.ts';
import { TOOLS } from '../../src/editor/tools/registry.ts';
import type { MessageKey } from '../../src/i18n/en.ts';
import { loadTable } from '../../src/i18n/translate.ts';
import { cdp } from '../support/cdp.ts';
import { clickIn } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

interface AXNode {
  nodeId: string;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
  ignored?: boolean;
}

/** The toolbar as a screen reader gets it: its name and its buttons' names, from Chromium's accessibility tree. */
async function accessibleToolbar(): Promise<{ name: string; buttons: string[] }> {
  const { nodes } = await cdp<{ nodes: AXNode[] }>({ method: 'Accessibility.getFullAXTree' });
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const toolbar = nodes.find((n) => n.role?.value === 'toolbar' && !n.ignored);
  if (!toolbar) throw new Error('No toolbar in the accessibility tree');
  const buttons: string[] = [];
  const walk = (n: AXNode) => {
    if (n.role?.value === 'button') buttons.push(n.name?.value ?? '');
    else for (const id of n.childIds ?? []) walk(byId.get(id)!);
  };
  walk(toolbar);
  return { name: toolbar.name?.value ?? '', buttons };
}

async function mount(attrs: Record<string, string>, parent: Element = document.body): Promise<CoDesignStudio> {
  const el = document.createElement('co-design-studio');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.style.cssText = 'display:block;width:1100px;--co-design-height:600px';
  const ready = new Promise<void>((resolve, reject) => {
    el.addEventListener('co-design-ready', () => resolve(), { once: true });
    el.addEventListener('co-design-error', (e) => reject(new Error(e.message)), { once: true });
  });
  el.setAttribute('template', '/templates/roadster.json');
  parent.append(el);
  await ready;
  await el.updateComplete;
  return el;
}

const shell = (el: CoDesignStudio) => el.shadowRoot!.querySelector<HTMLElement>('.shell')!;
const toolNames = (t: Record<MessageKey, string>) => TOOLS.map((tool) => t[`tool.${tool.id}`]);

describe('<co-design-studio> languages', () => {
  let container: HTMLElement | undefined;
  let el: CoDesignStudio | undefined;
  before(() => setViewport({ width: 1280, height: 800 }));
  afterEach(() => {
    el?.remove();
    container?.remove();
    el = container = undefined;
  });

  it('speaks German with locale="de": tool names, toolbar name, the first layer', async () => {
    el = await mount({ locale: 'de' });
    const de = await loadTable('de');
    expect(await accessibleToolbar()).to.deep.equal({ name: 'Werkzeuge', buttons: toolNames(de) });
    expect(toolNames(de)).to.include.members(['Bleistift', 'Spraydose', 'Radiergummi', 'Fläche füllen']);
    expect([shell(el).lang, shell(el).dir]).to.deep.equal(['de', 'ltr']);
    // Named while the template opened, so the table was there before `ready`.
    expect(el.getDesign().views[0].layers[0].name).to.equal('Malebene 1');
  });

  it('speaks Italian inside a lang="it" ancestor', async () => {
    container = document.createElement('div');
    container.lang = 'it';
    document.body.append(container);
    el = await mount({}, container);
    const it = await loadTable('it');
    expect(await accessibleToolbar()).to.deep.equal({ name: 'Strumenti', buttons: toolNames(it) });
    expect(shell(el).lang).to.equal('it');
  });

  it('keeps the region of the page for formatting (de-AT) and switches when the locale attribute changes', async () => {
    container = document.createElement('div');
    container.lang = 'de-AT';
    document.body.append(container);
    el = await mount({}, container);
    expect(shell(el).lang).to.equal('de-AT');
    el.setAttribute('locale', 'es');
    await waitFor(() => shell(el!).lang === 'es', 'the studio in Spanish');
    expect((await accessibleToolbar()).name).to.equal('Herramientas');
    el.removeAttribute('locale');
    await waitFor(() => shell(el!).lang === 'de-AT', 'the studio back in the page’s language');
  });

  it('follows the page when it changes its lang later', async () => {
    container = document.createElement('div');
    container.lang = 'nl';
    document.body.append(container);
    el = await mount({}, container);
    expect((await accessibleToolbar()).name).to.equal('Gereedschap');
    container.lang = 'it';
    await waitFor(() => shell(el!).lang === 'it', 'the studio following the page’s language');
    expect((await accessibleToolbar()).name).to.equal('Strumenti');
  });

  it('lays out right to left in an RTL locale: tools on the right, panels on the left', async () => {
    el = await mount({ locale: 'ar-XB' });
    expect(shell(el).dir).to.equal('rtl');
    const box = (sel: string) => el!.shadowRoot!.querySelector(sel)!.getBoundingClientRect();
    const [tools, stage, side] = [box('.toolbar'), box('.stage'), box('.side')];
    expect(tools.left, 'toolbar right of the canvas').to.be.at.least(stage.right - 1);
    expect(side.right, 'panels left of the canvas').to.be.at.most(stage.left + 1);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.layer-name')!).direction).to.equal('rtl');
  });

  it('opens the narrow-layout layers panel from the left edge in RTL', async () => {
    el = await mount({ locale: 'ar-XB' });
    // Under the 640 px container breakpoint, but wide enough for the whole header.
    el.style.width = '600px';
    await el.updateComplete;
    await clickIn(el.shadowRoot!.querySelector('.panel-toggle')!);
    await el.updateComplete;
    const side = el.shadowRoot!.querySelector('.side')!.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(side.width).to.be.greaterThan(0);
    expect(side.left - host.left, 'panel hugs the left edge').to.be.below(1);
  });

  it('lays out left to right otherwise', async () => {
    el = await mount({ locale: 'en' });
    const box = (sel: string) => el!.shadowRoot!.querySelector(sel)!.getBoundingClientRect();
    expect(box('.toolbar').right).to.be.at.most(box('.stage').left + 1);
    expect(box('.side').left).to.be.at.least(box('.stage').right - 1);
  });
});
