/**
 * Reading iCalendar text as feeds are really written, before any of it is decoded: lines
 * unfolded (CRLF, LF or CR; a continuation that lost its leading space is joined back to a text
 * property), components cut apart so that each VEVENT and VTIMEZONE is read on its own (an
 * unclosed or broken one costs only itself), and the lines that exporters get wrong repaired:
 * DATE values without `VALUE=DATE`, unquoted or half-quoted TZIDs, recurrence rules checked part
 * by part. Pure, linear in the text, and sliced: it yields every 64 lines so a caller can pause.
 *
 * Most VEVENTs are read the quick way: a regular expression finds the lines that say when one
 * can occur (and those that make it unusual), only those are read now, and the rest of its text
 * is read line by line when the event is first read (`QuickEvent`). A month of a 2,000-event feed
 * then reads the lines of the few hundred events it shows. Any VEVENT the quick way could read
 * otherwise than line by line (see `quickEvent`) is read line by line at once; a test holds the
 * two ways equal on the hostile corpus.
 */
import { FEED_BUDGET } from './model.js';
import { checkRule, type RuleCheck } from './rrule-check.js';

/** One VEVENT or VTIMEZONE, as content lines (unfolded), with the calendar it came from. */
export interface ComponentText {
  readonly name: 'vevent' | 'vtimezone';
  /** Its lines; a VEVENT read the quick way makes them from its text when first asked. */
  readonly lines: string[];
  /** Index of the VCALENDAR in the text. */
  calendar: number;
  /** The checked recurrence rules of a VEVENT, in order of its RRULE lines. */
  rules: RuleCheck[];
  /** Values or lines left out by the budget (too many, too long). */
  readonly cut: number;
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

function openComponent(name: string, beginLine: string): Open {
  const open: Open = {
    name,
    lines: [beginLine],
    cut: 0,
    rules: [],
    broken: false,
    skipping: 0,
    inner: [],
    dateValues: 0,
  };
  if (name === 'vevent') open.scan = { recurrenceId: false, rdate: false, unsure: false };
  return open;
}

/**
 * The logical lines of `text` from `from` to `to`: unfolded, at most `FEED_BUDGET.lineChars` long
 * (longer ones are cut, and counted in `cuts`). `next()` gives a line, `undefined` for a physical
 * line joined to the one before, `null` at the end. It reads one physical line ahead (to see
 * whether the next one continues this one): `heldAt` is where that line starts.
 */
class LineReader {
  /** Lines cut to the budget, not taken yet. */
  cuts = 0;
  private start = 0;
  private lf = -2;
  private cr = -2;
  private current: string | undefined;
  private currentAt = 0;
  private tooLong = false;

  constructor(
    private readonly text: string,
    from = 0,
    private readonly to = text.length,
  ) {
    this.seek(from);
  }

  /** Read on from `offset`, the start of a physical line. */
  seek(offset: number): void {
    // Going on, the next line ends found so far stay right (and a search is never repeated).
    if (offset < this.start) this.lf = this.cr = -2;
    this.start = offset;
    this.current = undefined;
    this.tooLong = false;
  }

  get heldAt(): number {
    return this.current === undefined ? this.start : this.currentAt;
  }

  next(): string | undefined | null {
    const { text, to } = this;
    const maxLine = FEED_BUDGET.lineChars;
    if (this.start >= to) {
      const last = this.current;
      this.current = undefined;
      return last ?? null;
    }
    // Where the next LF and CR are; each is searched again only once passed, so the text is read once.
    if (this.lf !== -1 && this.lf < this.start) this.lf = text.indexOf('\n', this.start);
    if (this.cr !== -1 && this.cr < this.start) this.cr = text.indexOf('\r', this.start);
    const { lf, cr } = this;
    // The end of the physical line: CR, LF or CRLF.
    let end = lf < 0 ? (cr < 0 ? text.length : cr) : cr < 0 ? lf : Math.min(lf, cr);
    if (end > to) end = to;
    const at = this.start;
    const physical = text.slice(at, end);
    this.start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    const first = physical.charCodeAt(0);
    if (this.current !== undefined && (first === 32 || first === 9)) {
      if (this.current.length + physical.length - 1 <= maxLine) this.current += physical.slice(1);
      else if (!this.tooLong) {
        this.tooLong = true;
        this.cuts++;
      }
      return undefined;
    }
    const previous = this.current;
    this.current = physical.length > maxLine ? physical.slice(0, maxLine) : physical;
    this.currentAt = at;
    this.tooLong = physical.length > maxLine;
    if (this.tooLong) this.cuts++;
    return previous === undefined ? this.next() : previous;
  }

  /** The first whole logical line from here (the reader then holds the line after it). */
  first(): string | null {
    for (;;) {
      const line = this.next();
      if (line !== undefined) return line;
    }
  }
}

const boundaryHead = /^(?:(BEGIN)|END):/i;

/** Whether a (trimmed) line begins or ends a component, and which: `BEGIN:`/`END:` in any ASCII case. */
function boundaryOf(trimmed: string): { begin: boolean; name: string } | undefined {
  // Only a line starting with B or E can be one (checked without a match on every line).
  const initial = trimmed.charCodeAt(0) | 0x20;
  if ((initial !== 0x62 && initial !== 0x65) || trimmed.length >= 40) return undefined;
  const head = boundaryHead.exec(trimmed);
  if (!head) return undefined;
  return { begin: head[1] !== undefined, name: trimmed.slice(head[0].length).trim().toLowerCase() };
}

/** A line inside an open component (not one that opens or closes a VEVENT, VTIMEZONE or VCALENDAR). */
function innerLine(open: Open, line: string, boundary: ReturnType<typeof boundaryOf>, trimmed: string): void {
  if (boundary) {
    const { begin, name } = boundary;
    if (open.skipping > 0 || (begin && !keptInside.has(name))) {
      open.skipping += begin ? 1 : -1;
      if (open.skipping < 0) open.broken = true;
      return;
    }
    if (begin) open.inner.push(name);
    else if (open.inner[open.inner.length - 1] === name) open.inner.pop();
    else open.broken = true;
    open.lines.push(trimmed);
    return;
  }
  if (open.skipping > 0) return;
  addLine(open, line);
}

/**
 * The lines a quick VEVENT's scan needs, and those that make it one to read line by line: its
 * boundaries and subcomponents, a line named with a leading `-`, or one starting with a space
 * other than a fold's. Matched at line starts (a match after U+2028 or U+2029 is no line start).
 */
const quickMarks =
  /^(?:BEGIN:|END:|UID[;:]|DTSTART[;:]|DTEND[;:]|DURATION[;:]|RRULE[;:]|EXRULE[;:]|RECURRENCE-ID[;:]|RDATE[;:]|-|[^\S \t\r\n])/gim;
/** More marked lines than this in one VEVENT: it is read line by line, in slices. */
const QUICK_MARKS = 200;

/** A VEVENT as the one pass left it: its scan and rules now, its lines from its text when first asked. */
class QuickEvent implements ComponentText {
  readonly name = 'vevent';
  private body?: Open;

  constructor(
    private text: string,
    private readonly from: number,
    private readonly to: number,
    private readonly beginLine: string,
    private readonly endLine: string,
    readonly calendar: number,
    readonly rules: RuleCheck[],
    readonly scan: EventScan,
  ) {}

  get lines(): string[] {
    return this.read().lines;
  }

  get cut(): number {
    return this.read().cut;
  }

  /** Its lines, through the same steps as the one pass gives any other component's. */
  private read(): Open {
    if (this.body) return this.body;
    const open = openComponent('vevent', this.beginLine);
    // Its own text alone: a search for a line end never runs on past it.
    const reader = new LineReader(this.text.slice(this.from, this.to));
    for (let line = reader.next(); line !== null; line = reader.next()) {
      if (line === undefined) continue;
      open.cut += reader.cuts;
      reader.cuts = 0;
      const trimmed = line.trim();
      if (trimmed !== '') innerLine(open, line, boundaryOf(trimmed), trimmed);
    }
    open.cut += reader.cuts;
    open.lines.push(this.endLine);
    this.body = open;
    this.text = ''; // read: the feed's text is not held for it any longer
    return open;
  }
}

/**
 * A VEVENT whose body starts at `from`, read the quick way: only its marked lines (see
 * `quickMarks`) are read now, as the one pass reads them, and the rest is left in the text.
 * Undefined when it has anything a line-by-line reading treats otherwise (a subcomponent kept
 * or broken, a boundary of the calendar, a cut or doubtful line, more lines than a component
 * keeps, no end): then it is read line by line, as before.
 */
function quickEvent(
  reader: LineReader,
  text: string,
  from: number,
  beginLine: string,
  calendar: number,
): { event: QuickEvent; next: number } | undefined {
  const scratch = openComponent('vevent', beginLine);
  reader.cuts = 0;
  let marks = 0;
  quickMarks.lastIndex = from;
  for (let match = quickMarks.exec(text); match; match = quickMarks.exec(text)) {
    const at = match.index;
    const before = text.charCodeAt(at - 1);
    if (at > from && before !== 10 && before !== 13) continue;
    if (++marks > QUICK_MARKS) return undefined;
    // A name with a leading `-`, or a line starting with an odd space: read line by line.
    if (match[0].length === 1) return undefined;
    reader.seek(at);
    const line = reader.first();
    if (line === null || reader.cuts > 0) return undefined;
    quickMarks.lastIndex = reader.heldAt;
    const trimmed = line.trim();
    const boundary = boundaryOf(trimmed);
    if (boundary) {
      const { begin, name } = boundary;
      if (!begin && name === 'vevent' && scratch.skipping === 0) {
        if (scratch.broken || !fewLines(text, from, at)) return undefined;
        const event = new QuickEvent(text, from, at, beginLine, trimmed, calendar, scratch.rules, scratch.scan!);
        return { event, next: reader.heldAt };
      }
      if (name === 'vcalendar' || topLevel.has(name) || keptInside.has(name)) return undefined;
      scratch.skipping += begin ? 1 : -1;
      if (scratch.skipping < 0) return undefined;
      continue;
    }
    if (scratch.skipping > 0) continue;
    const parsed = splitContentLine(line);
    if (!parsed || parsed.name.startsWith('-')) return undefined;
    addLine(scratch, line, parsed);
    if (scratch.broken) return undefined;
  }
  return undefined;
}

/** Whether the text from `from` to `to` holds fewer lines than a component keeps. */
function fewLines(text: string, from: number, to: number): boolean {
  const most = FEED_BUDGET.componentLines - 2;
  // A line takes two characters at least (one and its end).
  if (to - from < most * 2) return true;
  const body = text.slice(from, to); // searched alone: a search never runs on past `to`
  let ends = 0;
  for (const end of ['\n', '\r']) {
    for (let at = body.indexOf(end); at >= 0; at = body.indexOf(end, at + 1)) {
      if (++ends >= most) return false;
    }
  }
  return true;
}

/**
 * Cut a feed's text into its VEVENTs and VTIMEZONEs, each to be read alone. Yields between lines
 * (for `runInSlices`); returns the components, and how many were broken or over the budget.
 */
export function* splitCalendar(text: string, options: { quick?: boolean } = {}): Generator<void, SplitCalendar, void> {
  const quick = options.quick ?? true;
  const components: ComponentText[] = [];
  const calendarZones: (string | undefined)[] = [];
  let broken = 0;
  let overBudget = 0;
  let calendar = -1;
  let inCalendar = false;
  let open: Open | undefined;

  const keep = (component: ComponentText) => {
    if (components.length < FEED_BUDGET.entries) components.push(component);
    else overBudget++;
  };
  const close = (keepIt: boolean) => {
    if (!open) return;
    if (keepIt && !open.broken && open.inner.length === 0 && open.skipping === 0) {
      keep({
        name: open.name as ComponentText['name'],
        lines: open.lines,
        calendar: Math.max(0, calendar),
        rules: open.rules,
        cut: open.cut,
        scan: open.scan,
      });
    } else broken++;
    open = undefined;
  };

  const reader = new LineReader(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  /** Reads the quick VEVENTs' marked lines, on through the text as the one pass goes. */
  const quickReader = new LineReader(text);
  let lineCount = 0;
  let quickCount = 0;
  for (let line = reader.next(); line !== null; line = reader.next()) {
    // A pause every 64 lines: often enough for the page, rarely enough to cost nothing.
    if ((++lineCount & 63) === 0) yield;
    if (line === undefined) continue;
    if (reader.cuts > 0 && open) {
      open.cut += reader.cuts;
      reader.cuts = 0;
    }
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const boundary = boundaryOf(trimmed);
    if (boundary?.name === 'vcalendar') {
      // A new calendar, or the end of one, closes whatever was left open.
      close(false);
      if (boundary.begin) {
        calendar++;
        calendarZones[calendar] = undefined;
      }
      inCalendar = boundary.begin;
      continue;
    }
    if (boundary && topLevel.has(boundary.name)) {
      const { begin, name } = boundary;
      if (begin) {
        close(false); // the one before was never closed
        if (calendar < 0) calendar = 0;
        // Most VEVENTs are read the quick way: their marked lines now, the rest when first read.
        const found =
          quick &&
          name === 'vevent' &&
          reader.cuts === 0 &&
          quickEvent(quickReader, text, reader.heldAt, trimmed, calendar);
        if (found) {
          keep(found.event);
          reader.seek(found.next);
          if ((++quickCount & 3) === 0) yield;
          continue;
        }
        open = openComponent(name, trimmed);
      } else if (open?.name === name) {
        if (open.skipping > 0 || open.inner.length > 0) open.broken = true;
        open.lines.push(trimmed);
        close(true);
      } else close(false);
      continue;
    }
    if (!open) {
      if (inCalendar && /^X-WR-TIMEZONE[;:]/i.test(trimmed) && calendar >= 0) {
        calendarZones[calendar] ??= trimmed.slice(trimmed.indexOf(':') + 1).trim();
      }
      continue;
    }
    innerLine(open, line, boundary, trimmed);
  }
  close(false);
  return { components, calendarZones, broken, overBudget };
}

/** One content line into an open component: checked, repaired, or joined to the line before. */
function addLine(open: Open, line: string, parsed = splitContentLine(line)): void {
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
