/** Central European time as Outlook exports it, one content line per item (see outlook-vtimezone.mjs). */
export declare function outlookCentralEurope(tzid?: string): string[];
