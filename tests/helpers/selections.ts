/** A selection expectation of a scenario file (INTERFACES.md, "Scenario file"). */
export type SelectionExpectation = {
  asOf: string;
  selection: { instanceId: number; membership?: string; loanHistoryOptIn?: boolean; borrowedFrom?: string; borrowedTo?: string };
  result?: Record<string, unknown>;
  customers?: Record<string, string>[];
  items?: Record<string, string>[];
};

/** The columns the expected rows give, of each exported row, row for row. */
export function projectRows(rows: Record<string, string>[], like: Record<string, string>[]): Record<string, string>[] {
  const keys = new Set(like.flatMap((r) => Object.keys(r)));
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => keys.has(k))));
}

/** `retention select` options for an expectation's selection (without the as-of date). */
export function selectOptionsOf(e: SelectionExpectation): string[] {
  const s = e.selection;
  return [
    '--instance', String(s.instanceId),
    ...(s.membership ? ['--membership', s.membership] : []),
    ...(s.loanHistoryOptIn === undefined ? [] : ['--opt-in', s.loanHistoryOptIn ? 'yes' : 'no']),
    ...(s.borrowedFrom ? ['--borrowed-from', s.borrowedFrom] : []),
    ...(s.borrowedTo ? ['--borrowed-to', s.borrowedTo] : []),
  ];
}
