import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A bare element that hosts controllers the way a LitElement does, for tests
 * that need the controller without the whole studio (or inside an iframe,
 * whose own registry does not know the studio's tag). It carries an open
 * shadow root with a button, so input comes from inside a shadow tree.
 */
export function bareHost(doc: Document = document, size = { width: 300, height: 200 }) {
  const el = doc.createElement('div');
  el.style.cssText = `position:absolute;left:0;top:0;width:${size.width}px;height:${size.height}px;background:#ddd`;
  el.attachShadow({ mode: 'open' }).innerHTML = '<button style="margin:20px">in the shadow</button>';
  const controllers = new Set<ReactiveController>();
  const host = Object.assign(el, {
    addController(c: ReactiveController) {
      controllers.add(c);
      if (el.isConnected) c.hostConnected?.();
    },
    removeController(c: ReactiveController) {
      controllers.delete(c);
    },
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
  }) as HTMLDivElement & ReactiveControllerHost;
  return {
    host,
    connect() {
      doc.body.append(el);
      for (const c of controllers) c.hostConnected?.();
    },
    disconnect() {
      el.remove();
      for (const c of controllers) c.hostDisconnected?.();
    },
  };
}
