import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { announceProblem } from '../errors/announce.js';
import { ConfigError } from '../errors/config-error.js';
import { configProblemText } from '../messages.js';
import type { AttributeRule } from './attribute-rule.js';

type Rules = Record<string, AttributeRule<unknown>>;
type RuleValue<R> = R extends AttributeRule<infer T> ? T : never;

interface Checked {
  raw: unknown;
  value: unknown;
  problem?: ConfigError;
}

/**
 * Checks an element's attributes against the rules it declares, in one place for every widget.
 * Values are read through `get()`, which gives the usable value (or the default) and re-checks
 * only when the property changed. Each new problem is announced once (console, and `oc-load-error`
 * for a URL); `render()` shows the current ones inside the widget, localized.
 *
 *     readonly config = new ConfigController(this, { timeZone: timeZoneRule(), view: oneOfRule(['list', 'map'], 'list') });
 *     this.config.get('timeZone') // "Europe/Warsaw" for time-zone="Mars/Base"
 */
export class ConfigController<R extends Rules> implements ReactiveController {
  private readonly checked = new Map<keyof R, Checked>();
  private readonly announced = new Set<ConfigError>();

  constructor(
    private readonly host: ReactiveElement,
    readonly rules: R,
  ) {
    host.addController(this);
  }

  /** The usable value of a property: as given when valid, else the rule's fallback. */
  get<K extends keyof R & string>(property: K): RuleValue<R[K]> {
    return this.check(property).value as RuleValue<R[K]>;
  }

  /** The attributes that cannot be used as given, those that stop the widget first. */
  get problems(): ConfigError[] {
    const problems = Object.keys(this.rules)
      .map((property) => this.check(property).problem)
      .filter((problem): problem is ConfigError => problem !== undefined);
    return problems.sort((a, b) => Number(b.blocking) - Number(a.blocking));
  }

  /** A problem that leaves the widget nothing to show but the alert. */
  get blocking(): ConfigError | undefined {
    return this.problems.find((problem) => problem.blocking);
  }

  hostUpdate(): void {
    for (const problem of this.problems) {
      if (this.announced.has(problem)) continue;
      this.announced.add(problem);
      announceProblem(this.host, problem);
    }
  }

  /** The alert for the current problems, or nothing. Widgets put it at the top of their render. */
  render(): TemplateResult | typeof nothing {
    const problems = this.problems;
    if (problems.length === 0) return nothing;
    return html`<div class="problem" part="error" role="alert">
      <p>${configProblemText(problems[0])}</p>
      <ul class="problem-details" dir="ltr">
        ${problems.map((problem) => html`<li><code>${attributeText(problem)}</code></li>`)}
      </ul>
    </div>`;
  }

  private check(property: keyof R & string): Checked {
    const raw = (this.host as unknown as Record<string, unknown>)[property];
    const cached = this.checked.get(property);
    if (cached && Object.is(cached.raw, raw)) return cached;
    const rule = this.rules[property];
    const attribute = attributeName(this.host, property);
    let checked: Checked;
    if (raw === null || raw === undefined || raw === '') {
      checked = {
        raw,
        value: rule.default,
        problem: rule.required ? new ConfigError(attribute, raw, rule.expected, '') : undefined,
      };
    } else {
      const result = rule.read(raw);
      const value = result.value ?? rule.default;
      const stops = value === undefined && (rule.required || rule.url);
      checked = {
        raw,
        value: result.ok ? result.value : value,
        problem: result.ok
          ? undefined
          : new ConfigError(
              attribute,
              raw,
              rule.expected,
              stops ? '' : value === undefined ? 'it is left out' : `using ${JSON.stringify(value)}`,
              rule.url ? String(raw) : undefined,
            ),
      };
    }
    this.checked.set(property, checked);
    return checked;
  }
}

function attributeName(host: ReactiveElement, property: string): string {
  const options = (host.constructor as typeof ReactiveElement).elementProperties.get(property);
  return typeof options?.attribute === 'string' ? options.attribute : property.toLowerCase();
}

function attributeText(problem: ConfigError): string {
  const value = problem.value;
  return value === null || value === undefined || value === ''
    ? problem.attribute
    : `${problem.attribute}="${String(value)}"`;
}
