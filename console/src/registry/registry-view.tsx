import { diffLines } from 'diff';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { useT } from '../i18n/language';
import { ErrorNote } from '../layout/action';
import { when } from '../layout/light';
import { type RegisteredSubgraph, registryRequest, type StoredCheck, type SubgraphVersion } from './registry-client';
import { HISTORY, SUBGRAPHS } from './registry-queries';

/** 注册中心: the composed subgraphs, one's version history with the diff between two versions, its checks and the field usage they found. */
export function RegistryView() {
  const { t } = useT();
  const [subgraphs, setSubgraphs] = useState<RegisteredSubgraph[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    registryRequest<{ subgraphs: RegisteredSubgraph[] }>(SUBGRAPHS).then((data) => setSubgraphs(data.subgraphs), (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(String(e), 'NETWORK')));
  }, []);
  return (
    <section className="registry">
      <ErrorNote error={error} />
      <table>
        <caption>{t('subgraphs')}</caption>
        <tbody>
          {subgraphs.map((subgraph) => (
            <tr key={subgraph.name} className={subgraph.name === chosen ? 'current' : ''}>
              <td>
                <button type="button" className="link" onClick={() => setChosen(subgraph.name)}>
                  {subgraph.name}
                </button>
              </td>
              <td>{subgraph.department}</td>
              <td>
                {t('version')} {subgraph.version}
              </td>
              <td>{subgraph.routingUrl}</td>
              <td>
                {subgraph.publishedBy} · {when(subgraph.publishedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {chosen && <SubgraphHistory name={chosen} />}
    </section>
  );
}

function SubgraphHistory({ name }: { name: string }) {
  const { t } = useT();
  const [data, setData] = useState<{ subgraphHistory: SubgraphVersion[]; schemaChecks: StoredCheck[] } | null>(null);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    registryRequest<{ subgraphHistory: SubgraphVersion[]; schemaChecks: StoredCheck[] }>(HISTORY, { name }).then(
      (answer) => {
        setData(answer);
        const [newest, older] = answer.subgraphHistory;
        setPair(newest && older ? [older.version, newest.version] : null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(String(e), 'NETWORK')),
    );
  }, [name]);
  const sdlOf = (version: number) => data?.subgraphHistory.find((v) => v.version === version)?.sdl ?? '';
  return (
    <div className="history">
      <ErrorNote error={error} />
      <h3>
        {t('history')} · {name}
      </h3>
      <ul>
        {data?.subgraphHistory.map((version) => (
          <li key={version.version}>
            v{version.version} · {version.publishedBy} · {when(version.publishedAt)} {version.reason ?? ''}{' '}
            {version.version > 1 && (
              <button type="button" className="link" onClick={() => setPair([version.version - 1, version.version])}>
                {t('diff')} v{version.version - 1}→v{version.version}
              </button>
            )}
          </li>
        ))}
      </ul>
      {pair && (
        <pre className="diff">
          {diffLines(sdlOf(pair[0]), sdlOf(pair[1])).map((part, i) => (
            <span key={i} className={part.added ? 'added' : part.removed ? 'removed' : 'same'}>
              {part.added || part.removed ? part.value : part.count && part.count > 6 ? '  …\n' : part.value}
            </span>
          ))}
        </pre>
      )}
      <h3>
        {t('checks')} / {t('usage')}
      </h3>
      <ul>
        {data?.schemaChecks.map((stored) => (
          <li key={stored.checkedAt} className={stored.check.ok ? 'ok' : 'bad'}>
            {when(stored.checkedAt)} · {stored.check.ok ? '✔' : '✘'} {stored.check.compositionErrors.join('; ')}
            <ul>
              {stored.check.breakingChanges.map((change) => (
                <li key={change.message}>
                  {change.message} {change.usedBy.length ? `· ${t('usage')}: ${change.usedBy.join(', ')}` : ''}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
