/** Plain SVG bars, values 0..1 as percentages: drawn in the page, nothing loaded (no chart library needed for bars). */
export function BarChart({ bars, label }: { bars: { label: string; value: number | null }[]; label: string }) {
  const width = 56;
  const height = 140;
  const top = 16; // room for a full bar's label
  return (
    <svg className="chart" width={Math.max(bars.length, 1) * width + 20} height={top + height + 40} viewBox={`0 ${-top} ${Math.max(bars.length, 1) * width + 20} ${top + height + 40}`} role="img" aria-label={label}>
      <line x1={10} y1={height} x2={bars.length * width + 10} y2={height} className="axis" />
      {bars.map((bar, i) => {
        const h = (bar.value ?? 0) * height;
        return (
          <g key={bar.label} transform={`translate(${10 + i * width},0)`}>
            <rect x={8} y={height - h} width={width - 16} height={h} className="bar" />
            <text x={width / 2} y={height - h - 4} textAnchor="middle">
              {bar.value == null ? '–' : `${Math.round(bar.value * 100)}%`}
            </text>
            <text x={width / 2} y={height + 16} textAnchor="middle" className="tick">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
