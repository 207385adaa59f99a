/**
 * One VEVENT's properties, read from its content lines as `splitCalendar` keeps them (unfolded,
 * repaired, its VALARMs left out): by name, each with its raw parameters and value. Values are
 * decoded where they are used (`ical-values.ts`), so a line never read costs only its split. Pure.
 */
import { paramOf } from './ical-values.js';
import { splitContentLine, type ContentLine } from './ics-lines.js';

export type { ContentLine };

export class Properties {
  private readonly byName = new Map<string, ContentLine[]>();

  constructor(lines: readonly string[]) {
    for (const line of lines) {
      const property = splitContentLine(line);
      if (!property || property.name === 'begin' || property.name === 'end') continue;
      const list = this.byName.get(property.name);
      if (list) list.push(property);
      else this.byName.set(property.name, [property]);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  first(name: string): ContentLine | undefined {
    return this.byName.get(name)?.[0];
  }

  all(name: string): readonly ContentLine[] {
    return this.byName.get(name) ?? [];
  }

  /** A parameter of the first property of a name. */
  param(name: string, param: string): string | undefined {
    const property = this.first(name);
    return property && paramOf(property.params, param);
  }
}
