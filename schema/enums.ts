import { registerEnumType } from 'type-graphql';

/**
 * Enums every subgraph agrees on. They are registered once here so the
 * composed schema sees one definition, not four slightly different ones.
 */
export enum Channel {
  PHONE = 'PHONE',
  SMS = 'SMS',
  WEB = 'WEB',
  APP = 'APP',
  MAYOR_MAILBOX = 'MAYOR_MAILBOX',
}
registerEnumType(Channel, {
  name: 'Channel',
  description: 'How the citizen reached 12345',
  valuesConfig: {
    PHONE: { description: '电话 phone call' },
    SMS: { description: '短信 text message' },
    WEB: { description: '网站留言 web portal message' },
    APP: { description: '移动应用 mobile app' },
    MAYOR_MAILBOX: { description: '市长信箱 mayor\'s mailbox' },
  },
});

export enum TicketStatus {
  RECEIVED = 'RECEIVED',
  ANSWERED = 'ANSWERED',
  DISPATCHED = 'DISPATCHED',
  CLOSED = 'CLOSED',
}
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  valuesConfig: {
    RECEIVED: { description: '已受理 recorded, not yet answered or dispatched' },
    ANSWERED: { description: '直接答复 answered on the spot by the operator; closed at intake' },
    DISPATCHED: { description: '已转办 dispatched to one or more departments' },
    CLOSED: { description: '已办结 finished' },
  },
});

/** Ticket states from which nothing more may happen to the ticket. */
export const FINAL_TICKET_STATUSES: readonly TicketStatus[] = [TicketStatus.ANSWERED, TicketStatus.CLOSED];

export enum AssignmentStatus {
  PENDING = 'PENDING',
  FINISHED = 'FINISHED',
}
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  valuesConfig: {
    PENDING: { description: '待签收 waiting for the department' },
    FINISHED: { description: '已办结 the department finished its part' },
  },
});

export enum WorkOrderStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}
registerEnumType(WorkOrderStatus, { name: 'WorkOrderStatus' });
