import type { DataSource } from 'typeorm';
import { inTransaction } from '../../../../schema/database/transaction';
import { localDay } from '../../../../schema/time/city-calendar';
import { formatTicketNumber, reserveDayNumbers } from './ticket-number';

/** How many numbers an instance reserves at a time when the config names no block size. */
export const DEFAULT_TICKET_NUMBER_BLOCK = 50;

/**
 * Hands out ticket numbers from a block this instance reserved for the city's
 * current day, so intakes no longer queue on the day's one `ticket_sequence`
 * row (on a cluster every instance fought over it): the row is touched once
 * per block, in a short transaction of its own, never inside an intake's.
 *
 * Gap policy (what a citizen or auditor may notice, and why it is acceptable):
 * - Numbers are unique across instances and processes, and tell the day.
 * - Not gapless: the unused rest of a block is lost when the process stops or
 *   crashes (a restarted instance reserves a fresh block above every number
 *   reserved before), when the day ends, and a number taken by an intake that
 *   then fails or rolls back is not given back. At most a block's worth per
 *   stop; the day's 999,999 numbers are far more than a city receives.
 * - Not in strict time order across instances: two instances hand out their
 *   own blocks side by side, so a later ticket may carry a lower number.
 *   Within one instance numbers rise with time. Order tickets by createdAt.
 * - A day other than today (history import, a clock crossing midnight
 *   mid-request) gets a single number reserved on its own: no block is kept
 *   for the past, and history stays densely numbered.
 */
export class TicketNumberBlocks {
  private block = { day: '', next: 1, end: 0 };
  private refill: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly timeZone: string,
    private readonly blockSize = DEFAULT_TICKET_NUMBER_BLOCK,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The number of a ticket received at `at`. */
  async take(at: Date): Promise<string> {
    const day = localDay(at, this.timeZone);
    if (day !== localDay(this.now(), this.timeZone) || day < this.block.day) return formatTicketNumber(day, await this.reserve(day, 1));
    for (;;) {
      if (this.block.day === day && this.block.next <= this.block.end) return formatTicketNumber(day, this.block.next++);
      // one reservation at a time: the requests that found the block empty all wait for the same new one
      this.refill ??= this.reserveBlock(day).finally(() => {
        this.refill = null;
      });
      await this.refill;
    }
  }

  private async reserveBlock(day: string): Promise<void> {
    const first = await this.reserve(day, this.blockSize);
    this.block = { day, next: first, end: first + this.blockSize - 1 };
  }

  private reserve(day: string, count: number): Promise<number> {
    return inTransaction(this.dataSource, (manager) => reserveDayNumbers(manager, day, count));
  }
}

const perDataSource = new WeakMap<DataSource, TicketNumberBlocks>();

/** The instance's allocator: one per database connection pool, i.e. per running intake. */
export function ticketNumbersOf(dataSource: DataSource, timeZone: string, blockSize?: number): TicketNumberBlocks {
  let blocks = perDataSource.get(dataSource);
  if (!blocks) {
    blocks = new TicketNumberBlocks(dataSource, timeZone, blockSize);
    perDataSource.set(dataSource, blocks);
  }
  return blocks;
}
