import { useT } from '../i18n/language';

/** 红/黄/绿灯: the deadline's light as the API computes it, with the time left. */
export function Light({ timing }: { timing: { light?: string | null; secondsRemaining?: number | null } }) {
  const { t } = useT();
  if (!timing.light) return <span className="light none">–</span>;
  const hours = timing.secondsRemaining == null ? '' : ` ${Math.round(timing.secondsRemaining / 3600)} h`;
  const key = timing.light === 'RED' ? 'red' : timing.light === 'YELLOW' ? 'yellow' : 'green';
  return (
    <span className={`light ${key}`} data-light={timing.light}>
      {t(key)}
      {hours}
    </span>
  );
}

export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '–');
