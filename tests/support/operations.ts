/** GraphQL documents the tests send through the gateway, as a front-end would. */
export const CREATE_TICKET = `mutation Create($input: CreateTicketInput!) {
  createTicket(input: $input) { ticket { id number status channel createdAt } }
}`;

export const DISPATCH_TICKET = `mutation Dispatch($input: DispatchTicketInput!) {
  dispatchTicket(input: $input) { ticket { id status deadline assignments { id lead status deadline department { code nameZh } } } }
}`;

export const ANSWER_TICKET = `mutation Answer($input: AnswerTicketInput!) {
  answerTicket(input: $input) { ticket { id status answer closedAt } }
}`;

/** What every subgraph knows about a ticket: intake's record plus each department's view. */
export const TICKET_FIELDS = `
  id number status content latitude longitude deadline
  category { code nameZh }
  assignments { lead status department { code nameEn federated } }
  water { located zone { code nameZh } outages { kind reason active startsAt } workOrders { id status description } }
  streetlight { located faultyPolesNearby nearbyPoles { distanceMeters pole { code status roadZh } } workOrders { id status } }
  transit { mentionedRoutes { code nameZh } nearbyStops { distanceMeters stop { code nameZh routes { code } } } workOrders { id status } }`;

/** The operator's one query: the ticket with what every department knows about it. */
export const TICKET_EVERYWHERE = `query Everywhere($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`;

/** The city-centre point where the seeds guarantee an outage, poles and a stop of route 1. */
export const CITY_CENTRE = { latitude: 32.3, longitude: 118.32 };

export function ticketInput(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'PHONE',
    content: '小区停水一整天了，1路公交站旁的路灯也不亮 No water all day; the streetlight by the Route 1 stop is out',
    categoryCode: 'water_outage',
    citizenName: '张伟',
    citizenPhone: '13912345678',
    address: '滁州市琅琊区丰乐大道 88 号',
    ...CITY_CENTRE,
    ...overrides,
  };
}
