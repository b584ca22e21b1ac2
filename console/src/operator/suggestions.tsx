import { useEffect, useState } from 'react';
import { request } from '../api/graphql-client';
import { useQuery } from '../api/use-query';
import { AnswerTicketDocument, KnowledgeSuggestionsDocument, MergeTicketDocument, PossibleRepeatsDocument, type TicketStatus } from '../generated/graphql';
import { useT } from '../i18n/language';
import { ErrorNote, useAction } from '../layout/action';

interface Draft {
  content: string;
  categoryCode: string;
  citizenPhone: string;
  latitude: number | null;
  longitude: number | null;
}

/** What the operator types, settled for a moment: one request per pause, not per key. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}

/** While typing: knowledge-base answers (答复 on the spot) and open tickets about the same problem (并单). */
// what the intake lifecycle allows (subgraphs/intake/src/lifecycle/ticket-lifecycle.ts): an answered or merged ticket is
// offered neither again; the API would refuse it with ILLEGAL_TRANSITION
const ANSWERABLE: TicketStatus[] = ['RECEIVED'];
const MERGEABLE: TicketStatus[] = ['RECEIVED', 'DISPATCHED', 'RETURNED', 'RESULT_REPORTED', 'REOPENED'];

export function Suggestions({ form, created, onChanged }: { form: Draft; created: { id: string; version: number; status: TicketStatus } | null; onChanged(ticket: { status: TicketStatus; version: number }): void }) {
  const { t, language } = useT();
  const draft = useSettled(form);
  const words = draft.content.trim();
  // every word of a search must appear in an article, and Chinese is typed without spaces: when the words find
  // nothing, the chosen category's articles are the suggestion
  const byWords = useQuery(KnowledgeSuggestionsDocument, { search: words.slice(0, 40), categoryCode: draft.categoryCode || null }, words.length < 2);
  const byCategory = useQuery(KnowledgeSuggestionsDocument, { search: '', categoryCode: draft.categoryCode || null }, !draft.categoryCode);
  const found = byWords.data?.knowledgeArticles ?? [];
  const articles = found.length > 0 ? found : words.length >= 2 ? (byCategory.data?.knowledgeArticles ?? []) : [];
  const repeats = useQuery(
    PossibleRepeatsDocument,
    { input: { content: words, categoryCode: draft.categoryCode || null, citizenPhone: draft.citizenPhone || null, latitude: draft.latitude, longitude: draft.longitude } },
    words.length < 2,
  );
  const action = useAction(() => undefined);
  const others = (repeats.data?.similarOpenTickets ?? []).filter((repeat) => repeat.ticket.id !== created?.id);
  return (
    <aside className="suggestions">
      <h3>{t('suggestions')}</h3>
      {articles.map((article) => (
        <article key={article.id} className="article">
          <strong>{language === 'zh' ? article.titleZh : article.titleEn}</strong>
          <p>{language === 'zh' ? article.bodyZh : article.bodyEn}</p>
          {created && ANSWERABLE.includes(created.status) && (
            <button
              type="button"
              onClick={() =>
                void action.run(async () => onChanged((await request(AnswerTicketDocument, { input: { id: created.id, answer: language === 'zh' ? article.bodyZh : article.bodyEn, articleId: article.id } })).answerTicket.ticket))
              }
            >
              {t('answerWith')}
            </button>
          )}
        </article>
      ))}
      <h3>{t('repeats')}</h3>
      {others.length === 0 && <p className="muted">{t('none')}</p>}
      {others.map((repeat) => (
        <article key={repeat.ticket.id} className="repeat" data-repeat={repeat.ticket.number}>
          <strong>
            {repeat.ticket.number} · {repeat.ticket.status} · {Math.round(repeat.score * 100)}%
          </strong>
          <p>{repeat.ticket.content}</p>
          <small>{repeat.reasons.map((reason) => reason.kind).join(', ')}</small>
          {created && MERGEABLE.includes(created.status) && (
            <button
              type="button"
              onClick={() =>
                void action.run(async () => onChanged((await request(MergeTicketDocument, { input: { ticketId: created.id, intoTicketId: repeat.ticket.id, reason: '同一问题 the same problem' } })).mergeTicket.ticket))
              }
            >
              {t('merge')}
            </button>
          )}
        </article>
      ))}
      <ErrorNote error={action.error} />
    </aside>
  );
}
