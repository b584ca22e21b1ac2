import { useEffect, useState } from 'react';
import { useT } from '../i18n/language';
import { saveToken } from '../session/session';

/** What the gateway says about signing in: development personas it mints tokens for, or the city's identity provider. */
interface LoginInfo {
  mode: 'development' | 'identity-provider';
  personas?: { id: string; roles: string[]; dept?: string }[];
  issuer?: string | null;
}

export function LoginPage({ onSignedIn }: { onSignedIn(token: string): void }) {
  const { t } = useT();
  const [info, setInfo] = useState<LoginInfo | null>(null);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    fetch('/console/login').then((r) => r.json() as Promise<LoginInfo>).then(setInfo, (e: unknown) => setError(String(e)));
  }, []);
  const signIn = (token: string) => {
    saveToken(token);
    onSignedIn(token);
  };
  const mint = async (persona: string) => {
    const response = await fetch('/console/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) });
    const body = (await response.json()) as { token?: string; error?: string };
    if (body.token) signIn(body.token);
    else setError(body.error ?? `HTTP ${response.status}`);
  };
  return (
    <section className="login">
      {info?.mode === 'development' && (
        <>
          <h2>{t('devLogin')}</h2>
          <p className="note">{t('devLoginNote')}</p>
          <div className="personas">
            {info.personas?.map((persona) => (
              <button type="button" key={persona.id} data-persona={persona.id} onClick={() => void mint(persona.id)}>
                {persona.id}
                <small>
                  {persona.roles.join(', ')}
                  {persona.dept ? ` · ${persona.dept}` : ''}
                </small>
              </button>
            ))}
          </div>
        </>
      )}
      {info?.mode === 'identity-provider' && <p>{t('idpLogin')} {info.issuer ? <code>{info.issuer}</code> : null}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (pasted.trim()) signIn(pasted.trim());
        }}
      >
        <label>
          {t('pasteToken')}
          <textarea value={pasted} onChange={(e) => setPasted(e.target.value)} rows={3} name="token" />
        </label>
        <button type="submit">{t('signIn')}</button>
      </form>
      {error && <p className="error">{error}</p>}
    </section>
  );
}
