// The studio's theming from outside: the host sets its documented
// `--co-design-*` tokens (src/element/styles.ts) on the element, nothing else.
export const THEMES = {
  light: {},
  dark: {
    '--co-design-surface': '#17191e',
    '--co-design-text': '#e8eaef',
    '--co-design-muted': '#a3a9b5',
    '--co-design-border': '#343842',
    '--co-design-accent': '#7aa7ff',
    '--co-design-accent-text': '#0b1020',
    '--co-design-stage': '#0f1114',
    '--co-design-danger': '#e5484d',
    '--co-design-focus': '#9dbdff',
  },
};

const TOKENS = Object.keys(THEMES.dark);

/** Sets (or clears, for the light default) the tokens on `el` and the page's own colours. */
export function applyTheme(el, name) {
  const theme = THEMES[name] ?? THEMES.light;
  for (const token of TOKENS) {
    if (theme[token]) el.style.setProperty(token, theme[token]);
    else el.style.removeProperty(token);
  }
  document.documentElement.dataset.theme = name in THEMES ? name : 'light';
}
