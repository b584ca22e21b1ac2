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
  RETURNED = 'RETURNED',
  RESULT_REPORTED = 'RESULT_REPORTED',
  REOPENED = 'REOPENED',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
  MERGED = 'MERGED',
}
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  valuesConfig: {
    RECEIVED: { description: '已受理 recorded, not yet answered or dispatched' },
    ANSWERED: { description: '直接答复 answered on the spot by the operator; closed at intake' },
    DISPATCHED: { description: '已转办 with one or more departments' },
    RETURNED: { description: '退单待重派 every department returned it; the centre must re-dispatch' },
    RESULT_REPORTED: { description: '已反馈 every department reported; waiting for the callback' },
    REOPENED: { description: '重启 the citizen was not satisfied; to be re-dispatched or closed with an explanation' },
    CLOSED: { description: '已办结 finished' },
    ARCHIVED: { description: '已归档 archived' },
    MERGED: { description: '已并单 a repeat of another ticket about the same problem, handled once there (mergedInto); it follows that one' },
  },
});

/** Ticket states from which nothing more may happen to the ticket's handling. */
export const FINAL_TICKET_STATUSES: readonly TicketStatus[] = [TicketStatus.ANSWERED, TicketStatus.CLOSED, TicketStatus.ARCHIVED];

export enum AssignmentStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
  IN_PROGRESS = 'IN_PROGRESS',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  RESULT_REPORTED = 'RESULT_REPORTED',
  FINISHED = 'FINISHED',
  WITHDRAWN = 'WITHDRAWN',
  OBJECTED = 'OBJECTED',
}
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  valuesConfig: {
    PENDING: { description: '待签收 waiting for the department to accept or return it' },
    ACCEPTED: { description: '已签收 accepted by the department' },
    RETURNED: { description: '已退单 returned as not the department\'s, with a reason' },
    IN_PROGRESS: { description: '办理中 being handled' },
    EXTENSION_REQUESTED: { description: '申请延期 the department asked for more time' },
    RESULT_REPORTED: { description: '已反馈 the department reported its result' },
    FINISHED: { description: '已办结 the ticket closed' },
    WITHDRAWN: { description: '已撤回 withdrawn: its ticket was merged into another about the same problem' },
    OBJECTED: { description: '派单异议 the department objects to the dispatch; a supervisor decides, the deadline runs meanwhile' },
  },
});

/** Assignments a department still has to work on: they count for deadlines and queues. */
export const ACTIVE_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = [
  AssignmentStatus.PENDING,
  AssignmentStatus.ACCEPTED,
  AssignmentStatus.IN_PROGRESS,
  AssignmentStatus.EXTENSION_REQUESTED,
  AssignmentStatus.OBJECTED,
];

export enum WorkOrderStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}
registerEnumType(WorkOrderStatus, { name: 'WorkOrderStatus' });
