/**
 * Reading iCalendar text as feeds are really written, before any of it is decoded: lines
 * unfolded (CRLF, LF or CR; a continuation that lost its leading space is joined back to a text
 * property), components cut apart so that each VEVENT and VTIMEZONE is read on its own (an
 * unclosed or broken one costs only itself), and the lines that exporters get wrong repaired:
 * DATE values without `VALUE=DATE`, unquoted or half-quoted TZIDs, recurrence rules checked part
 * by part. Pure, linear in the text, and sliced: it yields every 64 lines so a caller can pause.
 */
import { FEED_BUDGET } from './model.js';
import { checkRule, type RuleCheck } from './rrule-check.js';

/** One VEVENT or VTIMEZONE, as content lines (unfolded), with the calendar it came from. */
export interface ComponentText {
  name: 'vevent' | 'vtimezone';
  lines: string[];
  /** Index of the VCALENDAR in the text. */
  calendar: number;
  /** The checked recurrence rules of a VEVENT, in order of its RRULE lines. */
  rules: RuleCheck[];
  /** Values or lines left out by the budget (too many, too long). */
  cut: number;
  /** A VEVENT's lines that say when it can occur, noted in passing (see `EventScan`). */
  scan?: EventScan;
}

/**
 * What the one pass notes of a VEVENT's own lines (not its VALARMs'), enough to know which
 * ranges it can overlap before it is read: the raw values of its first UID, DTSTART, DTEND
 * and DURATION (date lines as repaired), and whether it has RDATEs or a RECURRENCE-ID. `unsure`
 * when a line was repaired in a way that makes those values doubtful.
 */
export interface EventScan {
  uid?: string;
  start?: string;
  end?: string;
  duration?: string;
  recurrenceId: boolean;
  rdate: boolean;
  unsure: boolean;
}

export interface SplitCalendar {
  components: ComponentText[];
  /** Per VCALENDAR: `X-WR-TIMEZONE`, when it has one. */
  calendarZones: (string | undefined)[];
  /** Components that could not be used: unclosed, broken, or with a rule that cannot be expanded. */
  broken: number;
  /** Components left out because the feed holds more than the budget. */
  overBudget: number;
}

/** Properties whose values are dates or date-times. */
const dateProperties = new Set(['dtstart', 'dtend', 'due', 'recurrence-id', 'exdate', 'rdate']);
/** Properties whose values are text that a broken fold can split. */
const textProperties = new Set(['summary', 'description', 'location', 'comment', 'categories', 'contact', 'resources']);
/** Components read inside a VEVENT or VTIMEZONE; others (VALARM...) are left out. */
const keptInside = new Set(['standard', 'daylight']);
const topLevel = new Set(['vevent', 'vtimezone']);

export interface ContentLine {
  name: string;
  /** Raw parameters, each `NAME=value` with its quotes. */
  params: string[];
  value: string;
}

const namePattern = /^[A-Za-z0-9-]{1,64}$/;

/**
 * A content line's parts: `NAME;PARAM=a;PARAM="b:c":value`. Quoted parameter values may hold
 * `:` and `;`. Undefined for a line that is no content line.
 */
export function splitContentLine(line: string): ContentLine | undefined {
  // The name, checked as it is scanned (this runs for every line of a feed).
  let i = 0;
  for (; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 59 /* ; */ || code === 58 /* : */) break;
    const letterOrDigit = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (!letterOrDigit && code !== 45 /* - */) return undefined;
  }
  if (i === 0 || i > 64 || i >= line.length) return undefined;
  const name = line.slice(0, i);
  if (line.charCodeAt(i) === 58) return { name: name.toLowerCase(), params: [], value: line.slice(i + 1) };
  const params: string[] = [];
  while (line[i] === ';') {
    let j = i + 1;
    let quoted = false;
    while (j < line.length && (quoted || (line[j] !== ';' && line[j] !== ':'))) {
      if (line[j] === '"') quoted = !quoted;
      j++;
    }
    if (quoted) {
      // A quote never closed: the rest is ambiguous; give up on the parameters, keep the value.
      const colon = line.lastIndexOf(':');
      if (colon <= i) return undefined;
      params.push(line.slice(i + 1, colon).replace(/"/g, ''));
      return { name: name.toLowerCase(), params: params.filter(Boolean), value: line.slice(colon + 1) };
    }
    params.push(line.slice(i + 1, j));
    i = j;
  }
  if (line[i] !== ':') return undefined;
  return { name: name.toLowerCase(), params, value: line.slice(i + 1) };
}

function paramName(param: string): string {
  return param.slice(0, Math.max(0, param.indexOf('='))).toUpperCase();
}

/** A parameter value as it must be written: quoted when it holds `:`, `;` or `,`; never a quote inside. */
function quoteParam(value: string): string {
  const bare = value.replace(/"/g, '');
  return /[:;,]/.test(bare) ? `"${bare}"` : bare;
}

/**
 * A date-valued line made readable: the value after the last `:` (an unquoted TZID may hold one,
 * as in `TZID=(UTC-05:00) Eastern Time`), the TZID quoted when it must be, and `VALUE=DATE`
 * added to a value of bare dates. Undefined for a line with no usable value.
 */
function repairDateLine(line: string, parsed: ContentLine | undefined): string | undefined {
  // Nearly every line is already as it must be: then it is kept as it is, without being rebuilt.
  if (parsed && writtenRight(line, parsed)) return line;
  let params: string[];
  let value: string;
  const colon = line.lastIndexOf(':');
  const head = line.slice(0, Math.max(0, colon));
  const lastValue = line.slice(colon + 1).trim();
  if (parsed && /^[0-9TZ,/+PDHMSW-]*$/i.test(parsed.value.trim())) {
    params = parsed.params;
    value = parsed.value.trim();
  } else if (colon > 0 && /^[0-9TZ,/+PDHMSW-]+$/i.test(lastValue)) {
    const semicolon = head.indexOf(';');
    params = semicolon < 0 ? [] : head.slice(semicolon + 1).split(/;(?=[A-Za-z-]+=)/);
    value = lastValue;
  } else {
    return undefined;
  }
  const name = parsed?.name ?? head.split(';')[0].toLowerCase();
  if (!namePattern.test(name)) return undefined;
  const fixed = params
    .filter((param) => param.includes('='))
    .map((param) => {
      const key = paramName(param);
      const raw = param.slice(param.indexOf('=') + 1);
      return key === 'TZID' ? `TZID=${quoteParam(raw)}` : `${key}=${quoteParam(raw)}`;
    });
  const hasValueType = fixed.some((param) => param.startsWith('VALUE='));
  const values = value.split(',');
  if (!hasValueType && values.length > 0 && values.every((part) => /^\d{8}$/.test(part))) fixed.push('VALUE=DATE');
  return [name.toUpperCase(), ...fixed].join(';') + ':' + value;
}

/** A line's name and parameters upper case, parameter values that need no quotes, one value type. */
const plainHead = /^[A-Z-]+(?:;[A-Z-]+=[^";:,]*)*:/;
/** Dates or date-times, written as RFC 5545 writes them. */
const dateValues = /^\d{8}(?:T\d{6}Z?)?(?:,\d{8}(?:T\d{6}Z?)?)*$/;

/** Whether `repairDateLine` would give the line back unchanged (the common case, made cheap). */
function writtenRight(line: string, parsed: ContentLine): boolean {
  if (!dateValues.test(parsed.value) || !plainHead.test(line)) return false;
  // Bare dates need their VALUE=DATE, which a repair would add.
  return parsed.value.includes('T') || parsed.params.some((param) => param.startsWith('VALUE='));
}

interface Open {
  name: string;
  lines: string[];
  cut: number;
  rules: RuleCheck[];
  /** A part of it is broken beyond repair. */
  broken: boolean;
  /** Name of the last property, for joining a continuation that lost its space. */
  lastProperty?: string;
  /** Depth of subcomponents being left out (VALARM...). */
  skipping: number;
  /** Kept subcomponents open (STANDARD, DAYLIGHT). */
  inner: string[];
  /** EXDATE and RDATE values kept so far. */
  dateValues: number;
  scan?: EventScan;
}

/** The logical lines of a text: unfolded, at most `maxLine` long (longer ones are cut and counted). */
function* logicalLines(text: string, onCut: () => void): Generator<string | undefined, void, void> {
  const maxLine = FEED_BUDGET.lineChars;
  let current: string | undefined;
  let tooLong = false;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Where the next LF and CR are; each is searched again only once passed, so the text is read once.
  let lf = -2;
  let cr = -2;
  while (start <= text.length) {
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    // The end of the physical line: CR, LF or CRLF.
    const end = lf < 0 ? (cr < 0 ? text.length : cr) : cr < 0 ? lf : Math.min(lf, cr);
    const physical = text.slice(start, end);
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    const first = physical.charCodeAt(0);
    if (current !== undefined && (first === 32 || first === 9)) {
      if (current.length + physical.length - 1 <= maxLine) current += physical.slice(1);
      else if (!tooLong) {
        tooLong = true;
        onCut();
      }
      yield undefined;
      continue;
    }
    if (current !== undefined) yield current;
    current = physical.length > maxLine ? physical.slice(0, maxLine) : physical;
    tooLong = physical.length > maxLine;
    if (tooLong) onCut();
  }
  if (current !== undefined) yield current;
}

/**
 * Cut a feed's text into its VEVENTs and VTIMEZONEs, each to be read alone. Yields between lines
 * (for `runInSlices`); returns the components, and how many were broken or over the budget.
 */
export function* splitCalendar(text: string): Generator<void, SplitCalendar, void> {
  const components: ComponentText[] = [];
  const calendarZones: (string | undefined)[] = [];
  let broken = 0;
  let overBudget = 0;
  let calendar = -1;
  let inCalendar = false;
  let open: Open | undefined;
  let lineCuts = 0;

  const close = (keep: boolean) => {
    if (!open) return;
    if (keep && !open.broken && open.inner.length === 0 && open.skipping === 0) {
      if (components.length < FEED_BUDGET.entries) {
        components.push({
          name: open.name as ComponentText['name'],
          lines: open.lines,
          calendar: Math.max(0, calendar),
          rules: open.rules,
          cut: open.cut,
          scan: open.scan,
        });
      } else overBudget++;
    } else broken++;
    open = undefined;
  };

  let lineCount = 0;
  for (const line of logicalLines(text, () => lineCuts++)) {
    // A pause every 64 lines: often enough for the page, rarely enough to cost nothing.
    if ((++lineCount & 63) === 0) yield;
    if (line === undefined) continue;
    if (lineCuts > 0 && open) {
      open.cut += lineCuts;
      lineCuts = 0;
    }
    const trimmed = line.trim();
    if (trimmed === '') continue;
    // Only a line starting with B or E can be BEGIN: or END: (checked without a copy of every line).
    const initial = trimmed.charCodeAt(0) | 0x20;
    const upper = (initial === 0x62 || initial === 0x65) && trimmed.length < 40 ? trimmed.toUpperCase() : '';
    if (upper.startsWith('BEGIN:') || upper.startsWith('END:')) {
      const begin = upper.startsWith('BEGIN:');
      const name = upper
        .slice(begin ? 6 : 4)
        .trim()
        .toLowerCase();
      if (name === 'vcalendar') {
        // A new calendar, or the end of one, closes whatever was left open.
        close(false);
        if (begin) {
          calendar++;
          calendarZones[calendar] = undefined;
        }
        inCalendar = begin;
        continue;
      }
      if (topLevel.has(name)) {
        if (begin) {
          close(false); // the one before was never closed
          open = { name, lines: [trimmed], cut: 0, rules: [], broken: false, skipping: 0, inner: [], dateValues: 0 };
          if (name === 'vevent') open.scan = { recurrenceId: false, rdate: false, unsure: false };
          if (calendar < 0) calendar = 0;
        } else if (open?.name === name) {
          if (open.skipping > 0 || open.inner.length > 0) open.broken = true;
          open.lines.push(trimmed);
          close(true);
        } else close(false);
        continue;
      }
      if (!open) continue; // a VTODO, VJOURNAL or anything else of the calendar: not shown
      if (open.skipping > 0 || (begin && !keptInside.has(name))) {
        open.skipping += begin ? 1 : -1;
        if (open.skipping < 0) open.broken = true;
        continue;
      }
      if (begin) open.inner.push(name);
      else if (open.inner[open.inner.length - 1] === name) open.inner.pop();
      else open.broken = true;
      open.lines.push(trimmed);
      continue;
    }
    if (!open) {
      if (inCalendar && /^X-WR-TIMEZONE[;:]/i.test(trimmed) && calendar >= 0) {
        calendarZones[calendar] ??= trimmed.slice(trimmed.indexOf(':') + 1).trim();
      }
      continue;
    }
    if (open.skipping > 0) continue;
    addLine(open, line);
  }
  close(false);
  return { components, calendarZones, broken, overBudget };
}

/** One content line into an open component: checked, repaired, or joined to the line before. */
function addLine(open: Open, line: string): void {
  const parsed = splitContentLine(line);
  const name = parsed?.name ?? '';
  if (!parsed || parsed.name.startsWith('-')) {
    // Not a content line: most often a folded text line that lost its leading space.
    const last = open.lines.length - 1;
    if (open.lastProperty && textProperties.has(open.lastProperty) && last >= 0) {
      if (open.lines[last].length + line.length <= FEED_BUDGET.lineChars) open.lines[last] += line;
      return;
    }
    const repaired = repairDateLine(line, undefined);
    if (repaired) {
      open.lines.push(repaired);
      if (open.scan && open.inner.length === 0) open.scan.unsure = true;
    }
    return;
  }
  open.lastProperty = name;
  if (open.lines.length >= FEED_BUDGET.componentLines) {
    open.cut++;
    return;
  }
  const scan = open.inner.length === 0 ? open.scan : undefined;
  if (scan) {
    if (name === 'uid') scan.uid ??= parsed.value;
    else if (name === 'duration') scan.duration ??= parsed.value;
    if (name === 'rrule') {
      const rule = checkRule(parsed.value);
      open.rules.push(rule);
      if (rule.ok) open.lines.push(`RRULE:${rule.text}`);
      return;
    }
    if (name === 'exrule') return; // deprecated since RFC 5545, and rarely right
  }
  if (open.inner.length > 0 && name === 'rrule') {
    // A VTIMEZONE's own rules: yearly, or the zone is not used (its events fall back to its name).
    const rule = checkRule(parsed.value);
    if (!rule.ok || rule.freq !== 'YEARLY') open.broken = true;
    else open.lines.push(`RRULE:${rule.text}`);
    return;
  }
  if (dateProperties.has(name) || (open.inner.length > 0 && name === 'dtstart')) {
    const repaired = repairDateLine(line, parsed);
    if (!repaired) {
      if (name === 'dtstart') open.broken = true;
      return;
    }
    if (scan) {
      if (name === 'dtstart') scan.start ??= repaired;
      else if (name === 'dtend') scan.end ??= repaired;
      else if (name === 'recurrence-id') scan.recurrenceId = true;
      else if (name === 'rdate') scan.rdate = true;
    }
    if (name === 'exdate' || name === 'rdate') {
      const values = repaired.slice(repaired.lastIndexOf(':') + 1).split(',');
      const kept = open.dateValues;
      if (kept + values.length > FEED_BUDGET.dates) {
        open.cut++;
        const room = Math.max(0, FEED_BUDGET.dates - kept);
        if (room === 0) return;
        const head = repaired.slice(0, repaired.lastIndexOf(':') + 1);
        open.lines.push(head + values.slice(0, room).join(','));
        open.dateValues = kept + room;
        return;
      }
      open.dateValues = kept + values.length;
    }
    open.lines.push(repaired);
    return;
  }
  if (parsed.params.some((param) => !/^[A-Za-z0-9-]{1,64}=/.test(param))) {
    // A parameter without a name or value: keep the property, not its parameters.
    open.lines.push(`${name.toUpperCase()}:${parsed.value}`);
    return;
  }
  open.lines.push(line);
}
