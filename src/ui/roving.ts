/**
 * Arrow keys inside a toolbar, tab list or radio group (the ARIA patterns):
 * one Tab stop per group, arrows move between its buttons, Home/End to the
 * ends. `select` also presses the button reached (radio groups, tabs).
 */
export function rovingKeys(select: boolean) {
  return (e: KeyboardEvent): void => {
    const group = e.currentTarget as HTMLElement;
    const items = [...group.querySelectorAll<HTMLButtonElement>(':scope > button:not([disabled])')];
    const at = items.indexOf(e.composedPath()[0] as HTMLButtonElement);
    if (at < 0) return;
    const rtl = getComputedStyle(group).direction === 'rtl';
    const next = { ArrowDown: 1, ArrowRight: rtl ? -1 : 1, ArrowUp: -1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    let to: number;
    if (next !== undefined) to = (at + next + items.length) % items.length;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = items.length - 1;
    else return;
    // The group takes the key: it must not also move a selected object or the canvas cursor.
    e.preventDefault();
    e.stopPropagation();
    for (const b of items) b.tabIndex = b === items[to] ? 0 : -1;
    items[to].focus();
    if (select) items[to].click();
  };
}

/** The one Tab stop of a group: its chosen item, or the first when none is chosen. */
export function tabStop(chosen: boolean, first: boolean, anyChosen: boolean): string {
  return chosen || (first && !anyChosen) ? '0' : '-1';
}
