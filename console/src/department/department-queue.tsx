import { useState } from 'react';
import { request } from '../api/graphql-client';
import { useQuery } from '../api/use-query';
import {
  AcceptAssignmentDocument,
  DepartmentQueueDocument,
  type DepartmentQueueQuery,
  ReportResultDocument,
  RequestExtensionDocument,
  ReturnAssignmentDocument,
  StartAssignmentDocument,
} from '../generated/graphql';
import { useT } from '../i18n/language';
import { ErrorNote, useAction } from '../layout/action';
import { Light, when } from '../layout/light';
import { DepartmentTicketView } from './department-ticket-view';

type Queued = DepartmentQueueQuery['assignments'][number];
const OPEN = ['PENDING', 'ACCEPTED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'OBJECTED'] as const;

/** 承办单位: the department's own assignments (the gateway scopes them to the token's department), oldest deadline first. */
export function DepartmentQueue() {
  const { t, name } = useT();
  const queue = useQuery(DepartmentQueueDocument, { filter: { status: [...OPEN] } });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="department">
      <ErrorNote error={queue.error} />
      <table className="queue">
        <thead>
          <tr>
            <th>{t('light')}</th>
            <th>{t('ticket')}</th>
            <th>{t('content')}</th>
            <th>{t('status')}</th>
            <th>{t('deadline')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {queue.data?.assignments.map((assignment) => (
            <tr key={assignment.id} data-ticket={assignment.ticket.number}>
              <td>
                <Light timing={assignment.timing} />
              </td>
              <td>
                <button type="button" className="link" onClick={() => setOpen(open === assignment.ticket.id ? null : assignment.ticket.id)}>
                  {assignment.ticket.number}
                </button>
                <small>{name(assignment.department)}</small>
              </td>
              <td>{assignment.ticket.content}</td>
              <td className="status">{assignment.status}</td>
              <td>{when(assignment.deadline)}</td>
              <td>
                <AssignmentActions assignment={assignment} done={queue.reload} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <DepartmentTicketView ticketId={open} />}
    </section>
  );
}

/** The steps the assignment's state allows; the subgraph refuses any other with ILLEGAL_TRANSITION. */
function AssignmentActions({ assignment, done }: { assignment: Queued; done(): void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [days, setDays] = useState(3);
  const action = useAction(() => (setText(''), done()));
  const base = { id: assignment.id, expectedVersion: assignment.version };
  const needText = () => text.trim().length > 0;
  return (
    <div className="actions">
      <input name="text" placeholder={`${t('reason')} / ${t('result')}`} value={text} onChange={(e) => setText(e.target.value)} />
      {assignment.status === 'PENDING' && (
        <>
          <button type="button" disabled={action.busy} onClick={() => void action.run(() => request(AcceptAssignmentDocument, { input: base }))}>
            {t('accept')}
          </button>
          <button type="button" disabled={action.busy || !needText()} onClick={() => void action.run(() => request(ReturnAssignmentDocument, { input: { ...base, reason: text } }))}>
            {t('return')}
          </button>
        </>
      )}
      {assignment.status === 'ACCEPTED' && (
        <button type="button" disabled={action.busy} onClick={() => void action.run(() => request(StartAssignmentDocument, { input: base }))}>
          {t('start')}
        </button>
      )}
      {(assignment.status === 'ACCEPTED' || assignment.status === 'IN_PROGRESS') && (
        <>
          <input type="number" min={1} max={30} value={days} onChange={(e) => setDays(Number(e.target.value))} aria-label={t('workingDays')} />
          <button type="button" disabled={action.busy || !needText()} onClick={() => void action.run(() => request(RequestExtensionDocument, { input: { ...base, workingDays: days, reason: text } }))}>
            {t('extension')}
          </button>
          <button type="button" disabled={action.busy || !needText()} onClick={() => void action.run(() => request(ReportResultDocument, { input: { ...base, result: text } }))}>
            {t('report')}
          </button>
        </>
      )}
      <ErrorNote error={action.error} />
    </div>
  );
}
