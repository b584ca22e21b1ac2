import { FONT_FAMILY } from './report-charts';

/** Screen and print in one sheet: A4, each big section on a page of its own, no row cut across pages. */
export const REPORT_CSS = `
  :root { color: #1d2733; font-family: ${FONT_FAMILY}; font-size: 13px; }
  body { margin: 24px auto; max-width: 760px; padding: 0 16px; background: #fff; }
  header { border-bottom: 3px solid #b22222; padding-bottom: 8px; margin-bottom: 16px; }
  h1 { font-size: 24px; margin: 0 0 6px; color: #b22222; letter-spacing: 0.04em; }
  h2 { font-size: 17px; margin: 22px 0 8px; border-left: 4px solid #2f5f98; padding-left: 8px; }
  h3 { font-size: 14px; margin: 14px 0 6px; }
  .meta { margin: 2px 0; color: #4a5868; }
  table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; }
  th, td { border: 1px solid #c9d2dc; padding: 3px 6px; text-align: right; font-variant-numeric: tabular-nums; }
  th { background: #eef2f7; font-weight: 600; }
  th:first-child, td:first-child, table.ranking td:nth-child(2), table.ranking th:nth-child(2) { text-align: left; }
  th small { font-weight: 400; color: #5c6b7a; }
  table.departments th, table.departments td { font-size: 11px; padding: 3px 4px; }
  table.departments td { white-space: nowrap; }
  td.parts { color: #5c6b7a; font-size: 11px; }
  .up { color: #1e7b34; } .down { color: #b22222; }
  figure { margin: 10px 0 16px; }
  figure svg { max-width: 100%; height: auto; }
  footer { margin-top: 20px; color: #5c6b7a; font-size: 11px; border-top: 1px solid #c9d2dc; padding-top: 6px; }
  @page { size: A4; margin: 14mm 12mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    .page-break { break-before: page; page-break-before: always; }
    thead { display: table-header-group; }
    tr, figure, h2, h3 { break-inside: avoid; page-break-inside: avoid; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
  }
`;
