/** The VTIMEZONE of Europe/Warsaw, one content line per item (see warsaw-vtimezone.mjs). */
export declare const WARSAW_VTIMEZONE: readonly string[];
