import { ErrorCode, StudioError } from '../errors.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

function useTarget(el: Element, byId: Map<string, Element>): Element | undefined {
  if (el.localName !== 'use' || el.namespaceURI !== SVG_NS) return undefined;
  const href = el.getAttribute('href') ?? el.getAttributeNS(XLINK_NS, 'href');
  return href?.startsWith('#') ? byId.get(href.slice(1)) : undefined;
}

function unsafe(message: string, params: Record<string, string | number> = {}): StudioError {
  return new StudioError(ErrorCode.UploadUnsafe, message, params);
}

/**
 * How many elements the renderer would build once every `<use href="#id">`
 * is expanded. Each element's count is memoised, so a "billion laughs" made
 * of nested `<use>` costs one visit per element; a reference back into an
 * element still being counted is a cycle and refused. Iterative, so deep
 * nesting cannot overflow the stack.
 */
export function countExpandedElements(root: Element, cap: number): number {
  const byId = new Map<string, Element>();
  for (const el of [root, ...root.querySelectorAll('[id]')]) {
    const id = el.getAttribute('id');
    // First one wins, as getElementById does.
    if (id && !byId.has(id)) byId.set(id, el);
  }
  const memo = new Map<Element, number>();
  const inProgress = new Set<Element>();
  type Frame = { el: Element; deps: Element[]; next: number };
  const enter = (el: Element): Frame => {
    inProgress.add(el);
    const deps = [...el.children];
    const target = useTarget(el, byId);
    if (target) deps.push(target);
    return { el, deps, next: 0 };
  };
  const stack: Frame[] = [enter(root)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.deps.length) {
      const dep = frame.deps[frame.next++]!;
      if (memo.has(dep)) continue;
      if (inProgress.has(dep)) throw unsafe('The SVG refers to itself in a loop (<use> cycle).');
      stack.push(enter(dep));
      continue;
    }
    let total = 1;
    for (const dep of frame.deps) total += memo.get(dep)!;
    if (total > cap) {
      throw unsafe(`The SVG expands to more than ${cap} elements (<use> bomb).`, { limit: cap });
    }
    memo.set(frame.el, total);
    inProgress.delete(frame.el);
    stack.pop();
  }
  return memo.get(root)!;
}
