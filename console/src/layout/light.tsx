import { useT } from '../i18n/language';

/** 红/黄/绿灯: the deadline's light as the API computes it, with the time left. */
export function Light({ timing }: { timing: { light?: string | null; secondsRemaining?: number | null } }) {
  const { t } = useT();
  if (!timing.light) return <span className="light none">–</span>;
  const left = timing.secondsRemaining;
  // beyond two days the hours say less than the days
  const hours = left == null ? '' : Math.abs(left) > 48 * 3600 ? ` ${Math.round(left / 86400)} d` : ` ${Math.round(left / 3600)} h`;
  const key = timing.light === 'RED' ? 'red' : timing.light === 'YELLOW' ? 'yellow' : 'green';
  return (
    <span className={`light ${key}`} data-light={timing.light}>
      {t(key)}
      {hours}
    </span>
  );
}

export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '–');
