import { useState } from 'react';
import { request } from '../api/graphql-client';
import { useQuery } from '../api/use-query';
import { AuditSearchDocument, type AuditEventFilter, ExportTrailDocument, type ExportFormat, VerifyTrailDocument, type VerifyTrailQuery } from '../generated/graphql';
import { useT } from '../i18n/language';
import { ErrorNote, useAction } from '../layout/action';
import { when } from '../layout/light';
import { TrailTimeline } from './trail-timeline';

/** 审计: search every subgraph's events, open a ticket's whole trail, check its hash chain, export it. */
export function AuditorDesk() {
  const { t } = useT();
  const [draft, setDraft] = useState({ action: '', department: '', ticketId: '' });
  const [filter, setFilter] = useState<AuditEventFilter>({});
  const [ticketId, setTicketId] = useState<string | null>(null);
  const events = useQuery(AuditSearchDocument, { filter, after: null });
  const search = () => {
    const chosen = Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim())) as AuditEventFilter;
    setFilter(chosen);
    if (chosen.ticketId) setTicketId(String(chosen.ticketId));
  };
  return (
    <section className="auditor">
      <form className="search" onSubmit={(e) => (e.preventDefault(), search())}>
        {(['ticketId', 'action', 'department'] as const).map((field) => (
          <label key={field}>
            {t(field === 'department' ? 'departmentCol' : field)}
            <input name={field} value={draft[field]} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })} />
          </label>
        ))}
        <button type="submit">{t('search')}</button>
      </form>
      <ErrorNote error={events.error} />
      <table className="events">
        <thead>
          <tr>
            <th>{t('time')}</th>
            <th>{t('action')}</th>
            <th>{t('departmentCol')}</th>
            <th>{t('actor')}</th>
            <th>{t('ticket')}</th>
          </tr>
        </thead>
        <tbody>
          {events.data?.auditEvents.nodes.map((event) => (
            <tr key={event.id}>
              <td>{when(event.occurredAt)}</td>
              <td>{event.action}</td>
              <td>{event.department}</td>
              <td>
                {event.actorId} ({event.actorRole})
              </td>
              <td>
                <button type="button" className="link" onClick={() => setTicketId(event.ticketId)}>
                  {event.ticketId.slice(0, 8)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ticketId && <TicketTrail ticketId={ticketId} />}
    </section>
  );
}

function TicketTrail({ ticketId }: { ticketId: string }) {
  const { t } = useT();
  const [verification, setVerification] = useState<VerifyTrailQuery['verifyTrail'] | null>(null);
  const action = useAction(() => undefined);
  const verify = () => action.run(async () => setVerification((await request(VerifyTrailDocument, { ticketId })).verifyTrail));
  const download = (format: ExportFormat) =>
    action.run(async () => {
      const text = (await request(ExportTrailDocument, { ticketId, format })).exportTrail;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: format === 'CSV' ? 'text/csv' : 'application/json' }));
      link.download = `trail-${ticketId}.${format.toLowerCase()}`;
      link.click();
      URL.revokeObjectURL(link.href);
    });
  return (
    <div className="trail">
      <h3>
        {t('trail')} <code>{ticketId}</code>
      </h3>
      <div className="actions">
        <button type="button" onClick={() => void verify()} disabled={action.busy}>
          {t('verify')}
        </button>
        <button type="button" onClick={() => void download('CSV')} disabled={action.busy}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => void download('JSON')} disabled={action.busy}>
          {t('exportJson')}
        </button>
      </div>
      {verification && (
        <p className={`verification ${verification.ok ? 'ok' : 'bad'}`} data-ok={String(verification.ok)}>
          {verification.ok ? t('verified') : t('broken')} · {verification.events} · {verification.problem ?? ''} {verification.message}
        </p>
      )}
      <ErrorNote error={action.error} />
      <TrailTimeline ticketId={ticketId} />
    </div>
  );
}
