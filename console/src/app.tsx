import { type JSX, useEffect, useState } from 'react';
import { AuditorDesk } from './auditor/auditor-desk';
import { DepartmentQueue } from './department/department-queue';
import { useT } from './i18n/language';
import type { TextKey } from './i18n/dictionary';
import { LoginPage } from './login/login-page';
import { OperatorSeat } from './operator/operator-seat';
import { OversightDashboard } from './oversight/oversight-dashboard';
import { RegistryView } from './registry/registry-view';
import { claimsOf, clearToken, readToken } from './session/session';
import { SupervisorBoard } from './supervisor/supervisor-board';

/** The pages, and the roles each is for (the gateway checks every operation anyway; this only decides the menu). */
const PAGES: { path: string; key: TextKey; roles: string[]; Page: () => JSX.Element }[] = [
  { path: 'operator', key: 'operator', roles: ['OPERATOR'], Page: OperatorSeat },
  { path: 'department', key: 'department', roles: ['DEPARTMENT_STAFF', 'DEPARTMENT_ADMIN'], Page: DepartmentQueue },
  { path: 'supervisor', key: 'supervisor', roles: ['SUPERVISOR'], Page: SupervisorBoard },
  { path: 'oversight', key: 'oversight', roles: ['SUPERVISOR', 'OBSERVER', 'DEPARTMENT_ADMIN', 'AUDITOR', 'SYSTEM_ADMIN'], Page: OversightDashboard },
  { path: 'auditor', key: 'auditor', roles: ['AUDITOR'], Page: AuditorDesk },
  { path: 'registry', key: 'registry', roles: ['SYSTEM_ADMIN', 'DEPARTMENT_ADMIN', 'AUDITOR'], Page: RegistryView },
];

const currentPath = () => window.location.hash.replace(/^#\/?/, '');

export function App() {
  const { t, toggle } = useT();
  const [token, setToken] = useState(readToken);
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const follow = () => setPath(currentPath());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const claims = claimsOf(token);
  const mine = PAGES.filter((page) => page.roles.some((role) => claims?.roles.includes(role)));
  const page = mine.find((candidate) => candidate.path === path) ?? mine[0];
  return (
    <>
      <header>
        <h1>{t('title')}</h1>
        <nav>
          {claims &&
            mine.map((candidate) => (
              <a key={candidate.path} href={`#/${candidate.path}`} className={candidate === page ? 'current' : ''}>
                {t(candidate.key)}
              </a>
            ))}
        </nav>
        <span className="who">{claims ? `${claims.sub}${claims.dept ? ` · ${claims.dept}` : ''}` : ''}</span>
        <button type="button" onClick={toggle} className="language">
          {t('language')}
        </button>
        {claims && (
          <button type="button" onClick={() => (clearToken(), setToken(null))}>
            {t('signOut')}
          </button>
        )}
      </header>
      <main>{!claims ? <LoginPage onSignedIn={setToken} /> : page ? <page.Page /> : <p>{t('noAccess')}</p>}</main>
    </>
  );
}
