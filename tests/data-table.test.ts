import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataColumn, type DataTableProps } from '@/components/ui/data-table';

/*
 * The shared table (components/ui/data-table.tsx), rendered as the server renders it: the <table>
 * for wide screens and the cards for phones carry the same cells, from the same column definitions.
 */

type Run = { id: string; when: string; status: string; records: number; note: string };

const RUNS: Run[] = [
  { id: 'r1', when: '15 Nov 2024', status: 'completed', records: 1200, note: '' },
  { id: 'r2', when: '14 Nov 2024', status: 'failed', records: 0, note: 'lock timeout' },
  { id: 'r3', when: '13 Nov 2024', status: 'completed', records: 35, note: '' },
];

const COLUMNS: DataColumn<Run>[] = [
  { id: 'when', header: 'Started', cell: (r) => r.when, value: (r) => r.id, isRowHeader: true, sortable: true, footer: 'Total' },
  { id: 'status', header: 'Status', cell: (r) => r.status, value: (r) => r.status, filter: (r, v) => r.status === v },
  { id: 'records', header: 'Records', cell: (r) => String(r.records), value: (r) => r.records, align: 'end', sortable: true, footer: '1235' },
  // Shown on a card only where there is a note.
  { id: 'note', header: 'Note', cell: (r) => r.note || '—', card: (r) => r.note !== '' },
];

function render(extra: Partial<DataTableProps<Run>> = {}): string {
  return renderToStaticMarkup(
    createElement(DataTable<Run>, { id: 'runs', columns: COLUMNS, rows: RUNS, rowId: (r) => r.id, caption: 'Recent runs', empty: 'No runs yet.', ...extra }),
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();
const between = (html: string, start: string, end: string) => html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)) + end.length);

/** The rows of the table: the text of each body row's cells (row header first). */
function tableRows(html: string): string[][] {
  const body = between(html, '<tbody>', '</tbody>');
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => text(c[1]!)));
}

/** The cards (the totals card apart, with `total`): each card's title and its label → value pairs. */
function cards(html: string, total = false): { title: string; values: Record<string, string> }[] {
  const list = between(html, '<ul', '</ul>');
  return [...list.matchAll(/<li([^>]*)>(.*?)<\/li>/g)].filter((m) => m[1]!.includes('data-total') === total).map((m) => {
    const card = m[2]!;
    const title = text(/<h3[^>]*>(.*?)<\/h3>/.exec(card)?.[1] ?? '');
    const values = Object.fromEntries([...card.matchAll(/<dt[^>]*>(.*?)<\/dt><dd[^>]*>(.*?)<\/dd>/g)].map((p) => [text(p[1]!), text(p[2]!)]));
    return { title, values };
  });
}

describe('DataTable', () => {
  it('draws a table for wide screens and cards for phones, chosen by CSS, with the same cells', () => {
    const html = render();
    expect(html).toContain('<div class="hidden sm:block">');
    expect(html).toContain('<div class="sm:hidden">');
    const rows = tableRows(html);
    expect(rows).toEqual([
      ['15 Nov 2024', 'completed', '1200', '—'],
      ['14 Nov 2024', 'failed', '0', 'lock timeout'],
      ['13 Nov 2024', 'completed', '35', '—'],
    ]);
    // The key column is the row header of the table and the title of the card.
    expect(html).toMatch(/<th scope="row"[^>]*>15 Nov 2024<\/th>/);
    const list = cards(html);
    expect(list.map((c) => c.title)).toEqual(rows.map((r) => r[0]));
    // Every card value is the table's cell of the same row and column; a column a card hides for a row is left out.
    expect(list[0]!.values).toEqual({ Status: 'completed', Records: '1200' });
    expect(list[1]!.values).toEqual({ Status: 'failed', Records: '0', Note: 'lock timeout' });
    list.forEach((card, i) => {
      for (const [label, value] of Object.entries(card.values)) {
        const column = COLUMNS.filter((c) => !c.hidden).findIndex((c) => c.header === label);
        expect(rows[i]![column], `${card.title} ${label}`).toBe(value);
      }
    });
  });

  it('names the table and the cards by the caption (hidden or visible), each with its own id', () => {
    const hidden = render();
    expect(hidden).toContain('<caption id="runs-caption" class="sr-only">Recent runs</caption>');
    expect(hidden).toContain('<p id="runs-cards-caption" class="sr-only">Recent runs</p>');
    expect(hidden).toMatch(/<ul aria-labelledby="runs-cards-caption"/);
    const shown = render({ captionVisible: true });
    expect(shown).not.toContain('class="sr-only">Recent runs');
    expect(shown).toMatch(/<caption id="runs-caption" class="[^"]*font-medium[^"]*">Recent runs<\/caption>/);
  });

  it('says the empty text instead of a table when there are no rows, and the filtered text when filters leave none', () => {
    const empty = render({ rows: [] });
    expect(empty).not.toContain('<table');
    expect(empty).not.toContain('<ul');
    expect(text(empty)).toBe('No runs yet.');
    const filtered = render({ columnFilters: [{ id: 'status', value: 'interrupted' }], emptyFiltered: 'No run matches these filters.' });
    expect(text(filtered)).toBe('No run matches these filters.');
  });

  it('filters by the caller’s column filters and sorts by a sortable column, announcing the order', () => {
    const failed = render({ columnFilters: [{ id: 'status', value: 'failed' }] });
    expect(tableRows(failed).map((r) => r[0])).toEqual(['14 Nov 2024']);
    expect(cards(failed).map((c) => c.title)).toEqual(['14 Nov 2024']);
    const sorted = render({ initialSorting: [{ id: 'records', desc: false }] });
    expect(tableRows(sorted).map((r) => r[2])).toEqual(['0', '35', '1200']);
    expect(sorted).toMatch(/<th scope="col" aria-sort="ascending"[^>]*><button type="button"[^>]*><span>Records<\/span>/);
    expect(sorted).toMatch(/<th scope="col" aria-sort="none"[^>]*><button type="button"[^>]*><span>Started<\/span>/);
    // A column that does not sort has a plain header, without aria-sort.
    expect(sorted).toMatch(/<th scope="col" class="[^"]*">Status<\/th>/);
  });

  it('puts the totals in a footer row and on a last card', () => {
    const html = render();
    expect(text(between(html, '<tfoot>', '</tfoot>'))).toBe('Total1235');
    expect(html).toMatch(/<tfoot><tr class="font-semibold"><th scope="row"[^>]*>Total<\/th>/);
    expect(cards(html, true)).toEqual([{ title: 'Total', values: { Records: '1235' } }]);
  });

  it('pages long lists with a button that says how many are shown', () => {
    const html = render({ pageSize: 2, moreLabel: (shown, total) => `Show more (${shown} of ${total})` });
    expect(tableRows(html)).toHaveLength(2);
    expect(html).toContain('Show more (2 of 3)');
  });

  it('offers each row’s details behind a toggle that names the row', () => {
    const html = render({
      details: { header: 'Details', showLabel: 'Show', hideLabel: 'Hide', rowLabel: (r) => `run of ${r.when}`, has: (r) => r.records > 0, render: (r) => `records ${r.records}` },
    });
    expect(html).toContain('aria-expanded="false" aria-controls="runs-details-r1"');
    expect(html).toContain('Show<span class="sr-only">: run of 15 Nov 2024</span>');
    // A row without details shows a dash; closed details are not rendered.
    expect(tableRows(html)[1]!.at(-1)).toBe('—');
    expect(html).not.toContain('records 1200');
  });
  it('says how many rows the filters leave in a polite status line, kept when none are left', () => {
    const summary = (matching: number, total: number) => `${matching} of ${total} runs`;
    const failed = render({ columnFilters: [{ id: 'status', value: 'failed' }], summary, testId: 'runs' });
    expect(failed).toContain('<p role="status" class="mb-2 text-sm text-muted" data-testid="runs-summary">1 of 3 runs</p>');
    expect(render({ summary })).toContain('>3 of 3 runs</p>');
    const none = render({ columnFilters: [{ id: 'status', value: 'interrupted' }], summary, emptyFiltered: 'No run matches these filters.' });
    expect(text(none)).toBe('0 of 3 runsNo run matches these filters.');
    // Without `summary` there is no status line.
    expect(render()).not.toContain('role="status"');
  });

  it('opens the rows the caller says, in the table and on the cards', () => {
    const details = { header: 'Details', showLabel: 'Show', hideLabel: 'Hide', rowLabel: (r: Run) => `run of ${r.when}`, render: (r: Run) => `records ${r.records}` };
    const html = render({ details, expanded: { r2: true }, onExpandedChange: () => undefined });
    expect(html).toContain('aria-expanded="true" aria-controls="runs-details-r2"');
    expect(html).toContain('aria-expanded="true" aria-controls="runs-card-details-r2"');
    expect(html).toContain('aria-expanded="false" aria-controls="runs-details-r1"');
    expect(html.match(/records 0/g)).toHaveLength(2);
    expect(html).not.toContain('records 1200');
  });
});
