import { svg } from 'lit';

/** The calendar's icons (paths on a 24 × 24 grid, drawn by core's `renderIcon`). */
export const icons = {
  previous: svg`<path d="M15 5l-7 7 7 7"/>`,
  next: svg`<path d="M9 5l7 7-7 7"/>`,
  back: svg`<path d="M15 5l-7 7 7 7"/>`,
  download: svg`<path d="M12 4v11m0 0-4-4m4 4 4-4M5 20h14"/>`,
  cancelled: svg`<circle cx="12" cy="12" r="8"/><path d="M6.5 17.5l11-11"/>`,
  place: svg`<path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>`,
};
