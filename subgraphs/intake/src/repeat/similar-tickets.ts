import { Between, In, IsNull, Not, type FindOptionsWhere } from 'typeorm';
import { TicketStatus } from '../../../../schema/enums';
import { boundingBox, distanceMeters, isPoint } from '../../../../schema/geo/geo';
import type { IntakeContext } from '../context';
import { Ticket } from '../ticket/ticket.entity';
import { WordingComparer } from './text-similarity';

/** What a new request is compared by; any part may be missing. */
export interface RepeatProbe {
  citizenPhone?: string | null;
  categoryCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  content?: string | null;
  /** The ticket itself, when asking about a recorded one. */
  excludeTicketId?: string | null;
}

export type RepeatReasonKind = 'SAME_CALLER' | 'NEARBY' | 'SIMILAR_TEXT';

export interface RepeatCandidate {
  ticket: Ticket;
  /** 0–1: how likely the same problem; each reason adds to it. */
  score: number;
  reasons: Array<{ kind: RepeatReasonKind; detail: string; score: number }>;
}

export interface RepeatSettings {
  /** Tickets received this many days back, open or closed within them. */
  windowDays: number;
  radiusMetres: number;
  /** Below this a text match is not a reason. */
  minTextSimilarity: number;
}

export const REPEAT_SETTINGS: RepeatSettings = { windowDays: 30, radiusMetres: 200, minTextSimilarity: 0.35 };
/** Texts compared per probe at most: the category's most recent tickets of the window. */
const TEXT_POOL = 300;
const MAX_CANDIDATES = 10;
/**
 * The same place alone stays under 0.5: in a dense city the same category
 * 50 m away is as often a neighbour's own problem (measured on Boston's 311
 * rows: tests/e2e/repeat-recall.test.ts); with the same wording or caller it is not.
 */
const NEARBY_WEIGHT = 0.45;
// a ticket no longer a candidate to merge into: merged itself (also once it follows its primary: mergedIntoId), or long filed away
const NOT_CANDIDATES = [TicketStatus.MERGED, TicketStatus.ARCHIVED];

/**
 * Tickets that are probably the same problem as `probe`, best first: the same
 * caller within the window, the same category within `radiusMetres`, or a text
 * that reads alike (text-similarity.ts), each with its reasons and a score
 * combining them (1 − Π(1 − sᵢ)). Open tickets, and closed ones closed within
 * the window, so a repeat of a just-closed complaint is seen too.
 */
export async function similarTickets(context: IntakeContext, probe: RepeatProbe, settings = REPEAT_SETTINGS, now = new Date()): Promise<RepeatCandidate[]> {
  const since = new Date(now.getTime() - settings.windowDays * 86_400_000);
  // the window either side of `now`: for a recorded ticket (an imported one of years ago) its own weeks, not the latest tickets
  const until = new Date(now.getTime() + settings.windowDays * 86_400_000);
  const repository = context.dataSource.getRepository(Ticket);
  const base: FindOptionsWhere<Ticket> = { createdAt: Between(since, until), status: Not(In(NOT_CANDIDATES)), mergedIntoId: IsNull(), ...(probe.excludeTicketId ? { id: Not(probe.excludeTicketId) } : {}) };
  const found = new Map<string, RepeatCandidate>();
  const add = (ticket: Ticket, kind: RepeatReasonKind, detail: string, score: number) => {
    if (ticket.closedAt && ticket.closedAt < since) return;
    const entry = found.get(ticket.id) ?? { ticket, score: 0, reasons: [] };
    entry.reasons.push({ kind, detail, score: round(score) });
    found.set(ticket.id, entry);
  };

  if (probe.citizenPhone) {
    for (const ticket of await repository.find({ where: { ...base, citizenPhone: probe.citizenPhone }, order: { createdAt: 'DESC' }, take: 50 })) {
      add(ticket, 'SAME_CALLER', `the same caller, ${ticket.number}`, 0.5);
    }
  }
  const place = { latitude: probe.latitude ?? null, longitude: probe.longitude ?? null };
  if (probe.categoryCode && isPoint(place)) {
    const box = boundingBox(place, settings.radiusMetres);
    const near = await repository.find({
      where: { ...base, categoryCode: probe.categoryCode, latitude: Between(box.minLatitude, box.maxLatitude), longitude: Between(box.minLongitude, box.maxLongitude) },
      take: 100,
    });
    for (const ticket of near) {
      if (!isPoint(ticket)) continue;
      const metres = distanceMeters(place, ticket);
      if (metres <= settings.radiusMetres) add(ticket, 'NEARBY', `the same category ${Math.round(metres)} m away`, NEARBY_WEIGHT * (1 - metres / (2 * settings.radiusMetres)));
    }
  }
  if (probe.content) {
    const pool = await repository.find({ where: { ...base, ...(probe.categoryCode ? { categoryCode: probe.categoryCode } : {}) }, order: { createdAt: 'DESC' }, take: TEXT_POOL });
    const wording = new WordingComparer([probe.content, ...pool.map((ticket) => ticket.content)]);
    for (const ticket of pool) {
      const similarity = wording.similarity(probe.content, ticket.content);
      if (similarity >= settings.minTextSimilarity) add(ticket, 'SIMILAR_TEXT', `${Math.round(similarity * 100)} % of the wording in common`, 0.7 * similarity);
    }
  }
  for (const entry of found.values()) entry.score = round(1 - entry.reasons.reduce((rest, reason) => rest * (1 - reason.score), 1));
  return [...found.values()].sort((a, b) => b.score - a.score || b.ticket.createdAt.getTime() - a.ticket.createdAt.getTime()).slice(0, MAX_CANDIDATES);
}

const round = (value: number) => Math.round(value * 1000) / 1000;
