import { useState } from 'react';
import { request } from '../api/graphql-client';
import { useQuery } from '../api/use-query';
import {
  type BoardAssignmentFragment,
  type CallbackResult,
  GrantExtensionDocument,
  RecordCallbackDocument,
  RefuseExtensionDocument,
  SuperviseTicketDocument,
  SupervisorBoardDocument,
  type SupervisorBoardQuery,
  UrgeAssignmentDocument,
} from '../generated/graphql';
import { useT } from '../i18n/language';
import type { TextKey } from '../i18n/dictionary';
import { ErrorNote, useAction } from '../layout/action';
import { Light, when } from '../layout/light';

const RESULTS: CallbackResult[] = ['SATISFIED', 'BASICALLY_SATISFIED', 'NOT_SATISFIED', 'UNREACHABLE'];

/** 督办: what is late or nearly so, extension requests to decide, and results waiting for the citizen's callback. */
export function SupervisorBoard() {
  const { t } = useT();
  const board = useQuery(SupervisorBoardDocument, { dueWithinHours: 24 });
  const action = useAction(board.reload);
  const lists: [TextKey, BoardAssignmentFragment[]][] = [
    ['overdue', board.data?.overdue ?? []],
    // the API's due-within window includes what is already late, which the first list shows
    ['dueSoon', (board.data?.dueSoon ?? []).filter((row) => row.timing.light !== 'RED')],
    ['extensions', board.data?.extensions ?? []],
  ];
  return (
    <section className="supervisor">
      <ErrorNote error={board.error ?? action.error} />
      {lists.map(([key, rows]) => (
        <AssignmentList key={key} title={t(key)} rows={rows} run={action.run} busy={action.busy} />
      ))}
      <Callbacks tickets={board.data?.callbacks.nodes ?? []} run={action.run} busy={action.busy} />
    </section>
  );
}

type Run = (work: () => Promise<unknown>) => Promise<void>;

function AssignmentList({ title, rows, run, busy }: { title: string; rows: BoardAssignmentFragment[]; run: Run; busy: boolean }) {
  const { t, name } = useT();
  return (
    <table className="board" data-list={title}>
      <caption>
        {title} ({rows.length})
      </caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-ticket={row.ticket.number}>
            <td>
              <Light timing={row.timing} />
            </td>
            <td>{row.ticket.number}</td>
            <td>{name(row.department)}</td>
            <td>{row.ticket.content}</td>
            <td>{when(row.deadline)}</td>
            <td>{row.status === 'EXTENSION_REQUESTED' ? `+${row.extensionDays} ${t('workingDays')}: ${row.extensionReason ?? ''}` : `${t('urge')} ×${row.urgeCount}`}</td>
            <td className="actions">
              <button type="button" disabled={busy} onClick={() => void run(() => request(UrgeAssignmentDocument, { input: { id: row.id, note: '请加快办理 Please hurry' } }))}>
                {t('urge')}
              </button>
              {row.ticket.supervision === 'NONE' && (
                <button type="button" disabled={busy} onClick={() => void run(() => request(SuperviseTicketDocument, { input: { ticketId: row.ticket.id, level: 'SUPERVISED', expectedVersion: row.ticket.version } }))}>
                  {t('supervise')}
                </button>
              )}
              {row.status === 'EXTENSION_REQUESTED' && (
                <>
                  <button type="button" disabled={busy} onClick={() => void run(() => request(GrantExtensionDocument, { input: { id: row.id, expectedVersion: row.version } }))}>
                    {t('grant')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => void run(() => request(RefuseExtensionDocument, { input: { id: row.id, reason: '时限内可完成 It can be done in time', expectedVersion: row.version } }))}>
                    {t('refuse')}
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Callbacks({ tickets, run, busy }: { tickets: SupervisorBoardQuery['callbacks']['nodes']; run: Run; busy: boolean }) {
  const { t, name } = useT();
  const [notes, setNotes] = useState<Record<string, string>>({});
  return (
    <table className="board callbacks">
      <caption>
        {t('callbacks')} ({tickets.length})
      </caption>
      <tbody>
        {tickets.map((ticket) => (
          <tr key={ticket.id} data-ticket={ticket.number}>
            <td>{ticket.number}</td>
            <td>{ticket.content}</td>
            <td>{ticket.assignments.map((a) => `${name(a.department)}: ${a.result ?? '–'}`).join(' · ')}</td>
            <td className="actions">
              <input placeholder={t('callback')} value={notes[ticket.id] ?? ''} onChange={(e) => setNotes({ ...notes, [ticket.id]: e.target.value })} />
              {RESULTS.map((result) => (
                <button
                  type="button"
                  key={result}
                  data-result={result}
                  disabled={busy}
                  onClick={() => void run(() => request(RecordCallbackDocument, { input: { ticketId: ticket.id, result, note: notes[ticket.id] || null, expectedVersion: ticket.version } }))}
                >
                  {t(result)}
                </button>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
