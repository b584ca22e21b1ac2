import { useEffect, useState } from 'react';
import { request } from '../api/graphql-client';
import { useQuery } from '../api/use-query';
import {
  type Channel,
  type CreateTicketMutation,
  CreateTicketDocument,
  DispatchTicketDocument,
  type DispatchTicketMutation,
  OperatorCatalogueDocument,
  type TicketStatus,
} from '../generated/graphql';
import { useT } from '../i18n/language';
import { ErrorNote, useAction } from '../layout/action';
import { when } from '../layout/light';
import { CoordinatePicker } from './coordinate-picker';
import { Suggestions } from './suggestions';

const CHANNELS: Channel[] = ['PHONE', 'SMS', 'WEB', 'APP', 'MAYOR_MAILBOX'];
type Created = CreateTicketMutation['createTicket']['ticket'];

/** What the API lets a ticket be dispatched from: an answered or merged ticket has no dispatch to offer. */
const DISPATCHABLE: TicketStatus[] = ['RECEIVED', 'DISPATCHED', 'RETURNED', 'REOPENED'];

/** 话务员坐席: take a request, answer it from the knowledge base or find its repeat, else dispatch it. */
export function OperatorSeat() {
  const { t, name } = useT();
  const catalogue = useQuery(OperatorCatalogueDocument, {});
  const [form, setForm] = useState({ channel: 'PHONE' as Channel, citizenName: '', citizenPhone: '', address: '', district: '', categoryCode: '', content: '' });
  const [place, setPlace] = useState<{ latitude: number | null; longitude: number | null }>({ latitude: null, longitude: null });
  const [created, setCreated] = useState<Created | null>(null);
  const [dispatched, setDispatched] = useState<DispatchTicketMutation['dispatchTicket']['ticket'] | null>(null);
  const [departments, setDepartments] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const action = useAction(() => undefined);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });
  const categories = catalogue.data?.categories ?? [];
  useEffect(() => {
    if (!form.categoryCode && categories[0]) setForm((f) => ({ ...f, categoryCode: categories[0].code }));
  }, [categories, form.categoryCode]);

  const create = () =>
    action.run(async () => {
      const input = { ...form, citizenName: form.citizenName || null, citizenPhone: form.citizenPhone || null, address: form.address || null, district: form.district || null, ...place, idempotencyKey: crypto.randomUUID() };
      const { ticket } = (await request(CreateTicketDocument, { input })).createTicket;
      setCreated(ticket);
      setDispatched(null);
      setDepartments(ticket.category.departmentCode ? [ticket.category.departmentCode] : []);
    });
  const dispatch = () =>
    action.run(async () => {
      if (!created) return;
      setDispatched((await request(DispatchTicketDocument, { input: { ticketId: created.id, departmentCodes: departments, expectedVersion: created.version, note: note || null } })).dispatchTicket.ticket);
    });

  return (
    <section className="operator">
      <form className="intake" onSubmit={(event) => (event.preventDefault(), void create())}>
        <label>
          {t('channel')}
          <select name="channel" value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value as Channel })}>
            {CHANNELS.map((channel) => (
              <option key={channel}>{channel}</option>
            ))}
          </select>
        </label>
        <label>
          {t('callerName')}
          <input name="citizenName" value={form.citizenName} onChange={set('citizenName')} />
        </label>
        <label>
          {t('callerPhone')}
          <input name="citizenPhone" value={form.citizenPhone} onChange={set('citizenPhone')} />
        </label>
        <label>
          {t('category')}
          <select name="categoryCode" value={form.categoryCode} onChange={set('categoryCode')}>
            {categories.map((category) => (
              <option key={category.code} value={category.code}>
                {name(category)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('address')}
          <input name="address" value={form.address} onChange={set('address')} />
        </label>
        <label>
          {t('district')}
          <input name="district" value={form.district} onChange={set('district')} />
        </label>
        <div className="place">
          <CoordinatePicker {...place} onPick={(latitude, longitude) => setPlace({ latitude, longitude })} />
          <span>
            {t('latitude')} {place.latitude ?? '–'} · {t('longitude')} {place.longitude ?? '–'}
          </span>
        </div>
        <label className="wide">
          {t('content')}
          <textarea name="content" rows={3} value={form.content} onChange={set('content')} />
        </label>
        <button type="submit" disabled={action.busy || !form.content || !form.categoryCode}>
          {t('create')}
        </button>
      </form>
      <ErrorNote error={action.error ?? catalogue.error} />
      <Suggestions form={{ ...form, ...place }} created={created} onChanged={(ticket) => setCreated(ticket && { ...created!, ...ticket })} />
      {created && (
        <div className="created" data-ticket-id={created.id}>
          <h3>
            {t('created')} {created.number} · {created.status}
          </h3>
          {DISPATCHABLE.includes(created.status) && (
            <fieldset>
              <legend>{t('dispatch')}</legend>
              {catalogue.data?.departments.map((department) => (
                <label key={department.code} className="check">
                  <input
                    type="checkbox"
                    name={`dept-${department.code}`}
                    checked={departments.includes(department.code)}
                    onChange={(e) => setDepartments(e.target.checked ? [...departments, department.code] : departments.filter((code) => code !== department.code))}
                  />
                  {name(department)}
                </label>
              ))}
              <input placeholder="note" value={note} onChange={(e) => setNote(e.target.value)} />
              <button type="button" onClick={() => void dispatch()} disabled={action.busy || departments.length === 0 || !!dispatched}>
                {t('dispatch')}
              </button>
            </fieldset>
          )}
        </div>
      )}
      {dispatched && (
        <table className="dispatched">
          <caption>{t('dispatched')}</caption>
          <tbody>
            {dispatched.assignments.map((assignment) => (
              <tr key={assignment.id}>
                <td>{name(assignment.department)}</td>
                <td>
                  {t('deadline')}: {when(assignment.deadline)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
