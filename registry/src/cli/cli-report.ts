/** Plain-text reports for people at a terminal (and for CI logs): one fact a line, refusals first. */
export interface CheckReport {
  ok: boolean;
  compositionErrors: string[];
  breakingChanges: { message: string; path: string | null; usedBy: string[] }[];
  safeChanges: string[];
  warnings: string[];
  contractViolations: string[];
  catalogueViolations: string[];
  serviceViolations: string[];
}

export function describeCheck(check: CheckReport): string[] {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push(`  ${title}:`, ...items.map((item) => `    - ${item}`));
  };
  section('composition errors', check.compositionErrors);
  section('contract violations', check.contractViolations);
  section('department catalogue', check.catalogueViolations);
  section('running service', check.serviceViolations);
  // unused breaking changes come back as warnings already; listing them twice would bury the ones that matter
  section(
    'breaking changes used by recorded operations',
    check.breakingChanges.filter((change) => change.usedBy.length).map((change) => `${change.message} — used by ${change.usedBy.join(', ')}`),
  );
  section('warnings', check.warnings);
  section('other changes (break no client)', check.safeChanges ?? []);
  return lines;
}

export interface PublishReport {
  ok: boolean;
  version: number | null;
  supergraphVersion: number | null;
  check: CheckReport;
}

export function describePublish(verb: string, name: string, result: PublishReport): string[] {
  const head = result.ok
    ? `OK ${verb} ${name}: version ${result.version}, supergraph version ${result.supergraphVersion}`
    : `REFUSED ${verb} ${name}: nothing changed`;
  return [head, ...describeCheck(result.check)];
}

export function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
}
