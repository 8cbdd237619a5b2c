// The lazily loaded tool options (see lazy.ts), one export per option group.
export { fillOptions as fill } from './fill.ts';
export { gradientOptions as gradient } from './gradient.ts';
