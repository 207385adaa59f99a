import { normalizeDeletionCode } from './deletion-code.js';

/**
 * - `missing`: the reference or the code is empty; `shape`: the code cannot be one of ours;
 * - `withdrawn`: the receiver deleted the report; `not-found`: no report with that reference and code;
 * - `failed`: the receiver could not be reached, or could not do it now.
 */
export type WithdrawalOutcome = 'missing' | 'shape' | 'withdrawn' | 'not-found' | 'failed';

/** What a withdrawal needs of the form: where reports go, and a way to render and move focus. */
export interface WithdrawalHost {
  readonly endpoint: string;
  refresh(focus?: string): void;
}

/**
 * Withdrawing a report sent earlier: `DELETE {endpoint}/{reference}` with its code in the
 * `Deletion-Code` header (the receiver keeps only the code's SHA-256), without cookies.
 */
export class WithdrawalState {
  reference = '';
  code = '';
  sending = false;
  outcome?: WithdrawalOutcome;

  constructor(
    private readonly host: WithdrawalHost,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  change(changes: Partial<Pick<WithdrawalState, 'reference' | 'code'>>): void {
    Object.assign(this, changes);
    this.host.refresh();
  }

  async withdraw(): Promise<void> {
    if (this.sending) return;
    const reference = this.reference.trim().toUpperCase();
    const code = normalizeDeletionCode(this.code);
    if (!reference || !this.code.trim()) return this.settle('missing');
    if (!code) return this.settle('shape');
    this.sending = true;
    this.outcome = undefined;
    this.host.refresh();
    let outcome: WithdrawalOutcome = 'failed';
    try {
      const response = await this.fetchImpl(`${this.host.endpoint}/${encodeURIComponent(reference)}`, {
        method: 'DELETE',
        headers: { 'Deletion-Code': code },
        credentials: 'omit',
        signal: AbortSignal.timeout(30_000),
      });
      if (response.ok) outcome = 'withdrawn';
      else if (response.status === 404) outcome = 'not-found';
    } catch {
      // offline, or no answer in time: 'failed', try again later
    }
    this.sending = false;
    if (outcome === 'withdrawn') {
      this.reference = '';
      this.code = '';
    }
    this.settle(outcome);
  }

  private settle(outcome: WithdrawalOutcome): void {
    this.outcome = outcome;
    this.host.refresh('#withdraw-outcome');
  }
}
