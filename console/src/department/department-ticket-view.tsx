import { useQuery } from '../api/use-query';
import { DepartmentTicketViewDocument } from '../generated/graphql';
import { useT } from '../i18n/language';
import { ErrorNote } from '../layout/action';
import { when } from '../layout/light';

/** A ticket as the departments' own subgraphs see it: supply zone and outages, nearby lamp poles, bus stops. */
export function DepartmentTicketView({ ticketId }: { ticketId: string }) {
  const { t, language } = useT();
  const view = useQuery(DepartmentTicketViewDocument, { id: ticketId });
  const ticket = view.data?.ticket;
  const zh = language === 'zh';
  return (
    <div className="ticket-view">
      <h3>
        {t('ownView')} {ticket?.number}
      </h3>
      <ErrorNote error={view.error} />
      {ticket && !ticket.water?.located && !ticket.streetlight?.located && !ticket.transit?.located && <p className="muted">{t('none')}</p>}
      {ticket?.water?.located && (
        <div className="water">
          <h4>
            {t('supplyZone')} {ticket.water.zone?.code}
          </h4>
          <ul>
            {ticket.water.outages.map((outage) => (
              <li key={outage.id}>
                {outage.kind} · {outage.reason} · {when(outage.startsAt)} – {when(outage.endsAt)} {outage.active ? '●' : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {ticket?.streetlight?.located && (
        <div className="streetlight">
          <h4>
            {t('lampPoles')} ({t('faulty')} {ticket.streetlight.faultyPolesNearby})
          </h4>
          <ul>
            {ticket.streetlight.nearbyPoles.map(({ pole, distanceMeters }) => (
              <li key={pole.code}>
                {pole.code} · {zh ? pole.roadZh : pole.roadEn} · {pole.status} · {distanceMeters} m
              </li>
            ))}
          </ul>
        </div>
      )}
      {ticket?.transit?.located && (
        <div className="transit">
          <h4>
            {t('busStops')} {ticket.transit.mentionedRoutes.map((route) => route.code).join(', ')}
          </h4>
          <ul>
            {ticket.transit.nearbyStops.map(({ stop, distanceMeters }) => (
              <li key={stop.code}>
                {stop.code} · {zh ? stop.nameZh : stop.nameEn} · {distanceMeters} m
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
