// The gallery and dashboard pages follow the theme picked on the studio's page:
// the same --co-design-* tokens on their element, the same page colours.
import { applyTheme } from './theme.js';

const saved = localStorage.getItem('co-design-demo-theme') ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
const el = document.querySelector('co-design-gallery, co-design-dashboard, co-design-jury');
if (el) applyTheme(el, saved);
