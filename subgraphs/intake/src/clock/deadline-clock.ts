import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { In, LessThanOrEqual, Not, IsNull, type DataSource } from 'typeorm';
import { recordAudit } from '../../../../schema/audit/record-audit';
import { inTransaction } from '../../../../schema/database/transaction';
import { updateIfUnchanged } from '../../../../schema/database/versioned-update';
import { ACTIVE_ASSIGNMENT_STATUSES } from '../../../../schema/enums';
import { ConflictError } from '../../../../schema/errors';
import { type Identity, Role } from '../../../../schema/identity/roles';
import { Assignment } from '../assignment/assignment.entity';
import { stepAssignment } from '../assignment/assignment-transition';
import type { IntakeConfig } from '../config';
import { createIntakeContext, type IntakeContext } from '../context';
import { DeadlineLight, DUE_SOON_MS, lightOf } from '../deadline/timing';
import { superviseTicket } from '../supervision/supervise-ticket';
import { Supervision } from '../supervision/supervision';
import { Ticket } from '../ticket/ticket.entity';
import type { ClockConfig } from './clock-config';
import { releaseLease, takeLease } from './clock-lease';

/** Who acts when the clock does: in the trail as a supervisor, by name. */
export const CLOCK_IDENTITY: Identity = { id: 'clock:deadlines', roles: [Role.SUPERVISOR] };
const LEASE = 'deadline-clock';

export interface TickReport {
  lights: number;
  urged: number;
  supervised: number;
}

/** Raised inside a step when, under the lock, the action turns out to be done already (another replica, a person). */
class AlreadyDone extends Error {}

/**
 * The centre's clock (催办/督办 without a person): every interval, one replica
 * (a lease in the database) marks each running assignment's light as its
 * deadline nears (黄灯) and passes (红灯), urges the department once the
 * deadline is `urgeBefore` away and again every `urgeRepeat` while it stays
 * unfinished, and puts the ticket under supervision once it is overdue by
 * `escalateAfter`. Every action goes through the same steps a person's would,
 * audited in its transaction, and is checked again under the row lock, so two
 * replicas acting at once, or a person acting first, never make it happen twice.
 */
export class DeadlineClock {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: IntakeConfig,
    private readonly clock: ClockConfig,
    private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  start(): void {
    if (this.timer || this.clock.intervalMs === 0) return;
    this.timer = setInterval(() => {
      this.running = this.tick().catch((error: unknown) => this.log(`the deadline clock's tick failed: ${(error as Error).message}`));
    }, this.clock.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await releaseLease(this.dataSource, LEASE, this.holder).catch(() => undefined);
  }

  /** One round; null when another replica holds the lease. */
  async tick(now = new Date()): Promise<TickReport | null> {
    // the lease outlives a few missed ticks, not a dead replica for long
    if (!(await takeLease(this.dataSource, LEASE, this.holder, Math.max(3 * this.clock.intervalMs, 30_000), now))) return null;
    const context = createIntakeContext({ requestId: `clock-${randomUUID()}`, actor: CLOCK_IDENTITY }, this.dataSource, this.config);
    const report: TickReport = { lights: 0, urged: 0, supervised: 0 };
    const horizon = new Date(now.getTime() + Math.max(DUE_SOON_MS, this.clock.urgeBeforeMs));
    const repository = this.dataSource.getRepository(Assignment);
    const near = await repository.find({ where: { status: In([...ACTIVE_ASSIGNMENT_STATUSES]), deadline: LessThanOrEqual(horizon) }, order: { deadline: 'ASC' } });
    // an extension moved a lit assignment's deadline away: its light goes back to green
    const relit = await repository.find({ where: { status: In([...ACTIVE_ASSIGNMENT_STATUSES]), light: Not(IsNull()), deadline: Not(LessThanOrEqual(horizon)) } });
    for (const assignment of [...near, ...relit]) {
      if (await this.markLight(context, assignment, now)) report.lights += 1;
      if (await this.urge(context, assignment, now)) report.urged += 1;
      if (now.getTime() - assignment.deadline.getTime() >= this.clock.escalateAfterMs && (await this.supervise(context, assignment))) report.supervised += 1;
    }
    return report;
  }

  private async markLight(context: IntakeContext, seen: Assignment, now: Date): Promise<boolean> {
    const light = lightOf(seen.deadline, now.getTime());
    if ((seen.light ?? DeadlineLight.GREEN) === light) return false;
    try {
      await inTransaction(this.dataSource, async (manager) => {
        await updateIfUnchanged(manager, Assignment, seen, { light }, `assignment ${seen.id}`);
        await recordAudit(manager, 'intake', context, {
          ticketId: seen.ticketId,
          action: 'assignment.light',
          entityType: 'Assignment',
          entityId: seen.id,
          fromState: seen.status,
          toState: seen.status,
          data: { departmentCode: seen.departmentCode, light, previous: seen.light ?? DeadlineLight.GREEN, deadline: seen.deadline.toISOString() },
        });
      });
      return true;
    } catch (error) {
      // someone changed it meanwhile: the next tick sees the new row
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  private async urge(context: IntakeContext, seen: Assignment, now: Date): Promise<boolean> {
    const due = (assignment: Assignment) =>
      assignment.deadline.getTime() - now.getTime() <= this.clock.urgeBeforeMs &&
      (!assignment.lastUrgedAt || now.getTime() - assignment.lastUrgedAt.getTime() >= this.clock.urgeRepeatMs);
    if (!due(seen)) return false;
    const overdue = now > seen.deadline;
    try {
      await stepAssignment(context, seen.id, {
        transition: 'urge',
        reason: overdue ? 'automatic: overdue' : `automatic: due within ${Math.round(this.clock.urgeBeforeMs / 3_600_000)} h`,
        data: { automatic: true, deadline: seen.deadline.toISOString() },
        changes: (current) => {
          // under the ticket's lock: another replica or a person may have urged a moment ago
          if (!due(current)) throw new AlreadyDone();
          return { urgeCount: current.urgeCount + 1, lastUrgedAt: now };
        },
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyDone || error instanceof ConflictError) return false;
      throw error;
    }
  }

  private async supervise(context: IntakeContext, seen: Assignment): Promise<boolean> {
    const ticket = await this.dataSource.getRepository(Ticket).findOneBy({ id: seen.ticketId });
    if (!ticket || ticket.supervision !== Supervision.NONE) return false;
    const hours = Math.round(this.clock.escalateAfterMs / 3_600_000);
    try {
      // the version read above: if anyone (another replica) supervised it since, this one is refused
      await superviseTicket(context, ticket.id, Supervision.SUPERVISED, `automatic: ${seen.departmentCode} overdue by ${hours} h or more`, ticket.version);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }
}
