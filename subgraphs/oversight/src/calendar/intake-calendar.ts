import type { HopKeys } from '../../../../schema/identity/hop-keys';
import { serviceIdentity } from '../../../../schema/identity/roles';
import { signIdentity } from '../../../../schema/identity/signed-identity';
import { WorkingCalendar } from '../../../../schema/time/working-calendar';

const QUERY = 'query OversightCalendar($year: Int!) { workingCalendar(year: $year) { date kind } }';
/** Intake's calendar changes a few times a year (a notice loaded); asking again this often finds it. */
const REFRESH_MS = 10 * 60 * 1000;

type CalendarDay = { date: string; kind: string };

/**
 * The working calendar intake counts deadlines on (holidays, make-up days),
 * asked of intake, service to service, for the years the events fall in.
 * Intake is its one keeper: a copy here would drift from the deadlines.
 */
export class IntakeCalendar {
  private readonly years = new Map<number, { days: CalendarDay[]; loadedAt: number }>();
  private calendar: WorkingCalendar | null = null;

  constructor(
    private readonly intakeUrl: () => string,
    private readonly keys: HopKeys,
    private readonly timeZone: string,
  ) {}

  /** A calendar knowing every year from `from` to `to`; throws when intake cannot be asked. */
  async covering(from: number, to: number, signal?: AbortSignal, now = Date.now()): Promise<WorkingCalendar> {
    let changed = false;
    for (let year = from; year <= to; year += 1) {
      const known = this.years.get(year);
      if (known && now - known.loadedAt < REFRESH_MS) continue;
      this.years.set(year, { days: await this.ask(year, signal), loadedAt: now });
      changed = true;
    }
    if (changed || !this.calendar) this.calendar = new WorkingCalendar([...this.years.values()].flatMap((year) => year.days), this.timeZone);
    return this.calendar;
  }

  private async ask(year: number, signal?: AbortSignal): Promise<CalendarDay[]> {
    const variables = { year };
    const response = await fetch(`${this.intakeUrl().replace(/\/+$/, '')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await signIdentity(serviceIdentity(this.keys.service), this.keys, 'intake', { query: QUERY, variables })) },
      body: JSON.stringify({ query: QUERY, variables }),
      signal: AbortSignal.any([AbortSignal.timeout(5000), ...(signal ? [signal] : [])]),
    });
    const reply = (await response.json().catch(() => null)) as { data?: { workingCalendar?: CalendarDay[] }; errors?: { message: string }[] } | null;
    const days = reply?.data?.workingCalendar;
    if (!Array.isArray(days)) throw new Error(`intake gave no working calendar for ${year}: ${reply?.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`}`);
    return days;
  }
}
