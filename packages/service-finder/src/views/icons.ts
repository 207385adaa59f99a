import { svg } from 'lit';

/** The finder's icons (drawn with `renderIcon`). */
export const icons = {
  search: svg`<circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/>`,
  near: svg`<path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>`,
  close: svg`<path d="M6 6l12 12M18 6 6 18"/>`,
  back: svg`<path d="M15 5l-7 7 7 7"/>`,
  alert: svg`<path d="M12 3 2 20h20L12 3z"/><path d="M12 10v4M12 17h.01"/>`,
  list: svg`<path d="M9 6h11M9 12h11M9 18h11"/><path d="M4 6h.01M4 12h.01M4 18h.01"/>`,
  map: svg`<path d="m3 6 6-3 6 3 6-3v15l-6 3-6-3-6 3z"/><path d="M9 3v15M15 6v15"/>`,
};
