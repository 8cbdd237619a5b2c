import { expect } from '@open-wc/testing';
import { emptyMetrics, idleTimeoutOf, readMetrics, sum, TimeOnTask } from '../../src/metrics/time-on-task.ts';
import type { Metrics } from '../../src/protocol/metrics.ts';

/** A clock the test moves by hand. */
function fakeClock(start = 1000) {
  let t = start;
  return { now: () => t, at: (ms: number) => (t = start + ms), abs: (ms: number) => start + ms };
}

function session(opts: { idleTimeout?: number } = {}) {
  const clock = fakeClock();
  const tot = new TimeOnTask({ now: clock.now, idleTimeout: opts.idleTimeout ?? 5000, tool: 'pencil' });
  return { clock, tot, at: clock.at, abs: clock.abs };
}

const tool = (m: Metrics, id: string) => m.tools.find((t) => t.tool === id);

describe('time on task (engine)', () => {
  it('an input earns idle-timeout ms and no more', () => {
    const { tot, at } = session();
    at(0), tot.input();
    at(8000);
    const m = tot.snapshot();
    expect([m.engagedMs, m.visibleMs, m.wallMs]).to.deep.equal([5000, 8000, 8000]);
  });

  it('the next input cuts the window: nothing counts twice', () => {
    const { tot, at } = session();
    for (const t of [0, 2000, 3000, 3500]) at(t), tot.input();
    at(20_000);
    expect(tot.snapshot().engagedMs).to.equal(2000 + 1000 + 500 + 5000);
  });

  it('a drag is engaged from press to release, however long it is still', () => {
    const { tot, at } = session();
    at(1000), tot.press(1);
    at(13_000), tot.release(1);
    at(30_000);
    // 12 s of drag with no move in between, then the release earns its own window.
    expect(tot.snapshot().engagedMs).to.equal(12_000 + 5000);
  });

  it('a drag released outside the studio ends there and earns nothing after', () => {
    const { tot, at } = session();
    at(0), tot.press(1);
    at(7000), tot.drop(1);
    at(20_000);
    expect(tot.snapshot().engagedMs).to.equal(7000);
  });

  it('two pointers: the drag lasts until the last one is released', () => {
    const { tot, at } = session({ idleTimeout: 1000 });
    at(0), tot.press(1);
    at(500), tot.press(2);
    at(4000), tot.release(1);
    at(9000), tot.release(2);
    at(20_000);
    expect(tot.snapshot().engagedMs).to.equal(9000 + 1000);
  });

  it('a hidden page is neither engaged nor visible, and hiding ends a drag', () => {
    const { tot, at } = session();
    at(0), tot.input();
    at(1000), tot.setVisible(false);
    at(3000), tot.setVisible(true);
    at(10_000);
    let m = tot.snapshot();
    // The window of the input at 0 runs to 5000, but only while visible: 0–1000 and 3000–5000.
    expect([m.engagedMs, m.visibleMs, m.wallMs]).to.deep.equal([3000, 8000, 10_000]);

    at(20_000), tot.press(1);
    at(22_000), tot.setVisible(false);
    at(40_000), tot.setVisible(true);
    at(60_000);
    m = tot.snapshot();
    // Drag 20–22 s; hidden 22–40 s; back at 40 s the press's window (to 25 s) is long gone.
    expect(m.engagedMs).to.equal(3000 + 2000);
    expect(m.visibleMs).to.equal(8000 + 10_000 + 2000 + 20_000);
  });

  it('a frame without focus is visible but not engaged', () => {
    const { tot, at } = session();
    at(0), tot.input();
    at(1000), tot.setFocused(false);
    at(6000), tot.setFocused(true);
    at(10_000), tot.input();
    at(12_000);
    const m = tot.snapshot();
    expect([m.engagedMs, m.visibleMs, m.wallMs]).to.deep.equal([1000 + 2000, 12_000, 12_000]);
  });

  it('books time to the tool active at that moment', () => {
    const { tot, at } = session();
    at(0), tot.input();
    at(2000), tot.setTool('spray');
    tot.input();
    at(3000), tot.setTool(undefined);
    at(4000), tot.setTool('pencil');
    at(10_000);
    const m = tot.snapshot();
    expect(tool(m, 'pencil')).to.deep.equal({ tool: 'pencil', engagedMs: 2000 + 3000, visibleMs: 2000 + 6000, wallMs: 8000 });
    expect(tool(m, 'spray')).to.deep.equal({ tool: 'spray', engagedMs: 1000, visibleMs: 1000, wallMs: 1000 });
    // Time with no tool counts in the total only.
    expect([m.engagedMs, m.wallMs]).to.deep.equal([7000, 10_000]);
  });

  it('counts strokes from tools, undos and redos, and the time to the first stroke', () => {
    const { tot, at } = session();
    at(2500), tot.change({ source: 'style', kind: 'edit' });
    at(4200), tot.change({ source: 'pencil', kind: 'edit' });
    at(5000), tot.change({ source: 'fill', kind: 'edit' });
    tot.change({ source: 'pencil', kind: 'undo' });
    tot.change({ source: 'pencil', kind: 'redo' });
    tot.change({ source: 'fill', kind: 'undo' });
    const m = tot.snapshot();
    expect([m.strokes, m.undos, m.redos, m.sessions, m.firstStrokeMs]).to.deep.equal([2, 2, 1, 1, 4200]);
  });

  it("books an input at the event's own time, never before time already booked", () => {
    const { tot, at, abs } = session({ idleTimeout: 1000 });
    at(0), tot.input();
    // The handler ran at 3000 (after a long stroke commit); the event was made at 2500.
    at(3000), tot.input(abs(2500));
    at(10_000);
    expect(tot.snapshot().engagedMs).to.equal(1000 + 1000);
    at(20_000), tot.setVisible(false);
    // A stale time is clamped to what is booked (20 s), a future one to now (21 s).
    at(21_000), tot.input(abs(15_000));
    tot.setVisible(true, abs(25_000));
    at(30_000);
    const m = tot.snapshot();
    expect([m.engagedMs, m.visibleMs]).to.deep.equal([2000, 20_000 + 9000]);
  });

  it('stops the clock when the session ends', () => {
    const { tot, at } = session();
    at(0), tot.input();
    at(2000), tot.end();
    at(9000), tot.input();
    tot.change({ source: 'pencil', kind: 'edit' });
    const m = tot.snapshot();
    expect([m.engagedMs, m.wallMs, m.strokes]).to.deep.equal([2000, 2000, 0]);
  });

  it('sums the sessions of one draft', () => {
    const a = session();
    a.at(0), a.tot.input();
    a.at(10_000), a.tot.end();
    const b = session();
    b.tot.setTool('spray');
    b.at(0), b.tot.input();
    b.at(3000), b.tot.change({ source: 'spray', kind: 'edit' });
    b.at(6000), b.tot.end();
    const total = sum(sum(emptyMetrics(), a.tot.snapshot()), b.tot.snapshot());
    expect([total.engagedMs, total.visibleMs, total.wallMs, total.sessions, total.strokes]).to.deep.equal([10_000, 16_000, 16_000, 2, 1]);
    // Counted on the draft's own clock: all of session one, then 3 s into session two.
    expect(total.firstStrokeMs).to.equal(13_000);
    expect(tool(total, 'pencil')?.wallMs).to.equal(10_000);
    expect(tool(total, 'spray')?.wallMs).to.equal(6000);
    expect(readMetrics(total)).to.deep.equal(total);
  });

  it('matches a brute-force reading of the rule on random scripts', () => {
    // The oracle asks the rule's question at every millisecond; the engine
    // does interval arithmetic. Any clause that breaks shows up here.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 30; round++) {
      const idle = 200 + rand(800);
      const { tot, at } = session({ idleTimeout: idle });
      type Step = { t: number; what: 'input' | 'press' | 'release' | 'drop' | 'hide' | 'show' | 'blur' | 'focus' | 'tool' };
      const kinds: Step['what'][] = ['input', 'input', 'input', 'press', 'release', 'drop', 'hide', 'show', 'blur', 'focus', 'tool'];
      const steps: Step[] = [];
      let t = 0;
      for (let i = 0; i < 40; i++) steps.push({ t: (t += rand(1500)), what: kinds[rand(kinds.length)] });
      const end = t + rand(3000);
      let visible = true, focused = true, down = false, lastInput = -Infinity, spray = false;
      let engaged = 0, shown = 0, sprayEngaged = 0;
      let i = 0;
      for (let ms = 0; ms < end; ms++) {
        for (; i < steps.length && steps[i].t === ms; i++) {
          const s = steps[i];
          at(ms);
          if (s.what === 'input') tot.input(), (lastInput = ms);
          if (s.what === 'press') tot.press(1), (lastInput = ms), (down = true);
          if (s.what === 'release') tot.release(1), (lastInput = ms), (down = false);
          if (s.what === 'drop') tot.drop(1), (down = false);
          if (s.what === 'hide') tot.setVisible(false), (visible = false), (down = false);
          if (s.what === 'show') tot.setVisible(true), (visible = true);
          if (s.what === 'blur') tot.setFocused(false), (focused = false), (down = false);
          if (s.what === 'focus') tot.setFocused(true), (focused = true);
          if (s.what === 'tool') (spray = !spray), tot.setTool(spray ? 'spray' : 'pencil');
        }
        const e = visible && focused && (down || ms < lastInput + idle) ? 1 : 0;
        engaged += e;
        shown += visible ? 1 : 0;
        if (spray) sprayEngaged += e;
      }
      at(end);
      const m = tot.snapshot();
      const label = `round ${round}`;
      expect(m.engagedMs, label).to.equal(engaged);
      expect(m.visibleMs, label).to.equal(shown);
      expect(m.wallMs, label).to.equal(end);
      expect(tool(m, 'spray')?.engagedMs ?? 0, label).to.equal(sprayEngaged);
    }
  });
});

describe('time on task (figures)', () => {
  it('reads idle-timeout like an attribute: ms, default 5000 for anything odd', () => {
    expect(idleTimeoutOf('1000')).to.equal(1000);
    expect(idleTimeoutOf(2500)).to.equal(2500);
    for (const bad of [undefined, null, '', ' ', 'abc', '-1', '0', 'Infinity', NaN, -5, {}]) expect(idleTimeoutOf(bad), String(bad)).to.equal(5000);
  });

  it('refuses a stored total that would poison the sum', () => {
    const good = { ...emptyMetrics(), engagedMs: 5, visibleMs: 6, wallMs: 7, sessions: 1, tools: [{ tool: 'pencil', engagedMs: 1, visibleMs: 1, wallMs: 1 }] };
    expect(readMetrics(good)).to.deep.equal(good);
    expect(readMetrics({ ...good, extra: 1 })).to.deep.equal(good);
    for (const bad of [null, 'x', { ...good, engagedMs: NaN }, { ...good, wallMs: -1 }, { ...good, engagedMs: 9 }, { ...good, sessions: 1.5 }, { ...good, version: 2 }, { ...good, tools: [{ tool: '__proto__', engagedMs: 0, visibleMs: 0, wallMs: 0 }] }, { ...good, tools: [good.tools[0], good.tools[0]] }, { ...good, firstStrokeMs: '1' }]) {
      expect(readMetrics(bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });
});
