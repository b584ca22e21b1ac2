import { useT } from '../i18n/language';

/** The city's extent on the grid: the seeded lamp poles, stops and zones lie within ±0.1° of its centre. */
const CENTRE = { latitude: 32.3, longitude: 118.32 };
const SPAN = 0.1;
const SIZE = 160;

/** A map-less place picker: a click on the grid sets the coordinates; nothing is fetched (no tiles). */
export function CoordinatePicker({ latitude, longitude, onPick }: { latitude: number | null; longitude: number | null; onPick(latitude: number, longitude: number): void }) {
  const { t } = useT();
  const toX = (lon: number) => ((lon - CENTRE.longitude + SPAN) / (2 * SPAN)) * SIZE;
  const toY = (lat: number) => ((CENTRE.latitude + SPAN - lat) / (2 * SPAN)) * SIZE;
  return (
    <svg
      className="picker"
      width={SIZE}
      height={SIZE}
      role="img"
      aria-label={t('pickPlace')}
      onClick={(event) => {
        const box = event.currentTarget.getBoundingClientRect();
        const x = (event.clientX - box.left) / SIZE;
        const y = (event.clientY - box.top) / SIZE;
        onPick(Number((CENTRE.latitude + SPAN - y * 2 * SPAN).toFixed(5)), Number((CENTRE.longitude - SPAN + x * 2 * SPAN).toFixed(5)));
      }}
    >
      {[1, 2, 3].map((i) => (
        <g key={i} className="grid">
          <line x1={(i * SIZE) / 4} y1={0} x2={(i * SIZE) / 4} y2={SIZE} />
          <line x1={0} y1={(i * SIZE) / 4} x2={SIZE} y2={(i * SIZE) / 4} />
        </g>
      ))}
      {latitude != null && longitude != null && <circle cx={toX(longitude)} cy={toY(latitude)} r={5} className="pin" />}
    </svg>
  );
}
