'use client';

import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type ExpandedState,
  type SortingState,
} from '@tanstack/react-table';
import { Fragment, useState, type HTMLAttributes, type ReactNode } from 'react';
import { buttonClass } from './button-styles';
import { ScrollRegion } from './scroll-region';
import { useMediaQuery } from './use-media-query';

/*
 * The one table of the dashboard, on TanStack Table (headless: sorting, filtering, expanded rows),
 * drawn twice from the same column definitions: a real <table> from the `sm` breakpoint up, and
 * below it the same rows as cards (a heading from the key column, the other columns as a <dl> of
 * header → value). Both are rendered and CSS chooses (`hidden sm:block` / `sm:hidden`), so it works
 * with server rendering and needs no JavaScript media query; display:none also hides the other
 * variant from assistive technology.
 *
 * Column definitions hold functions (cell renderers), which cannot cross from a server component
 * to a client one: define the columns in a 'use client' component of the screen and pass it the
 * rows as plain data from the server.
 */

/** One column: its header, how a row's cell is drawn, and how it sorts, filters and shows on a card. */
export type DataColumn<Row> = {
  /** Unique within the table; the key of sorting and filter state. */
  id: string;
  /** The column header, and the card's label for the value unless `cardHeader` is given. */
  header: ReactNode;
  /** A shorter label for the card, where the header is long or carries a swatch. */
  cardHeader?: ReactNode;
  /** The cell of a row (table cell and card value). Omit for a column that only filters (`hidden`). */
  cell?: (row: Row) => ReactNode;
  /** The raw value, for sorting (and for the global filter); required for `sortable`. */
  value?: (row: Row) => string | number | null;
  /** Numbers align at the end (right in English and Dutch). */
  align?: 'start' | 'end';
  /** The key column: a row header in the table, the heading of the row's card. One per table. */
  isRowHeader?: boolean;
  /** Whether the card shows this column: always (default), never, or per row (e.g. only non-zero counts). */
  card?: 'show' | 'hide' | ((row: Row) => boolean);
  /** The header is a button that sorts by `value` (ascending, descending, back to none). */
  sortable?: boolean;
  /** A column filter: keeps the rows for which it returns true, given the filter's value (see `columnFilters`). */
  filter?: (row: Row, value: unknown) => boolean;
  /** Neither drawn nor on the card: a column that exists only to be filtered by. */
  hidden?: boolean;
  /** The value of the totals row (tfoot; the last card on a phone). */
  footer?: ReactNode;
  /** Extra attributes of the header cell (e.g. `data-column` for tests and downloads). */
  headerProps?: HTMLAttributes<HTMLTableCellElement> & Record<`data-${string}`, string>;
  /** Extra classes of the table's cells of this column (e.g. `whitespace-nowrap`). */
  className?: string;
};

/** An expandable line under a row (and inside its card) for what does not fit a cell. */
export type DataTableDetails<Row> = {
  /** Header of the toggle column. */
  header: ReactNode;
  /** Visible text of the toggle while closed and while open. */
  showLabel: string;
  hideLabel: string;
  /** Said after the toggle's text to assistive technology, naming the row ("run of 15 Nov 2024, 03:10"). */
  rowLabel: (row: Row) => string;
  /** Whether the row has details; rows without show a dash. Default: every row. */
  has?: (row: Row) => boolean;
  render: (row: Row) => ReactNode;
};

type RowAttributes = HTMLAttributes<HTMLElement> & Record<`data-${string}`, string | undefined>;

export type DataTableProps<Row> = {
  /** Base of the element ids (captions, details); unique on the page. */
  id: string;
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  /** A stable id per row (React key, expanded state). */
  rowId: (row: Row) => string;
  /** Names the table (and the list of cards); visible or for assistive technology only. */
  caption: ReactNode;
  captionVisible?: boolean;
  /** Said instead of the table when there are no rows. */
  empty: ReactNode;
  /** Said when there are rows but the filters leave none (default: `empty`). */
  emptyFiltered?: ReactNode;
  /** Column filters, controlled by the caller: `[{ id: 'status', value: 'failed' }]`; pass only active ones. */
  columnFilters?: ColumnFiltersState;
  /** A text every row must contain in one of its columns' `value`s (case-insensitive); empty: no filter. */
  globalFilter?: string;
  /** Sorting, controlled by the caller; else the table keeps it, starting from `initialSorting`. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  initialSorting?: SortingState;
  details?: DataTableDetails<Row>;
  /**
   * Which rows' details are open (`{ [rowId]: true }`), controlled by the caller (to open a row from
   * elsewhere on the page); else the table keeps it, all closed at first.
   */
  expanded?: Record<string, boolean>;
  onExpandedChange?: (expanded: Record<string, boolean>) => void;
  /**
   * A line above the table saying how many rows the filters leave (given the rows left and all
   * rows), announced politely as the filters change.
   */
  summary?: (matching: number, total: number) => ReactNode;
  /** Rows shown at first; a button shows this many more (with `moreLabel`). Default: all. */
  pageSize?: number;
  moreLabel?: (shown: number, total: number) => string;
  /** The table may be wider than the screen: it scrolls sideways in its own focusable box. */
  scroll?: boolean;
  /** Classes of the table (e.g. a min-width) and of its scrolling box (e.g. a max-height). */
  tableClassName?: string;
  regionClassName?: string;
  /** Keep the header row in view while the box scrolls vertically (with a max-height in regionClassName). */
  stickyHeader?: boolean;
  /** Draw the cards below `sm` (default); false keeps the table on a phone too (a narrow table). */
  cards?: boolean;
  /** The element of a card's title: a heading of the given level, or a plain paragraph. */
  cardTitleAs?: 'h3' | 'h4' | 'p';
  /** Attributes of a row's <tr> or <li> (data-*, className). */
  rowProps?: (row: Row, variant: 'row' | 'card') => RowAttributes;
  /** Attributes of the totals row's <tr> or <li>. */
  footerProps?: (variant: 'row' | 'card') => RowAttributes;
  /** Marks the table (`testId`) and the cards (`${testId}-cards`) for tests. */
  testId?: string;
};

/** The filters when the caller gives none: one array, so TanStack's memo sees no change. */
const NO_FILTERS: ColumnFiltersState = [];

const ALIGN = { start: 'text-left', end: 'text-right tabular-nums' } as const;

/** Whether a card shows a column for a row. */
function showsOnCard<Row>(column: DataColumn<Row>, row: Row): boolean {
  if (column.hidden || !column.cell) return false;
  if (column.card === 'hide') return false;
  if (typeof column.card === 'function') return column.card(row);
  return true;
}

/**
 * The dashboard's table: see the file's comment. Sorting by the header buttons (aria-sort on the
 * header cell), filters given by the caller, an optional expandable details line per row, an
 * optional totals row, and "show more" paging for long lists.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { id, columns, rows, rowId, caption, captionVisible = false, details, cards = true, cardTitleAs = 'h3' } = props;
  const [ownSorting, setOwnSorting] = useState<SortingState>(props.initialSorting ?? []);
  const [ownExpanded, setOwnExpanded] = useState<ExpandedState>({});
  const expanded: ExpandedState = props.expanded ?? ownExpanded;
  const [shown, setShown] = useState(props.pageSize ?? Number.POSITIVE_INFINITY);
  const sorting = props.sorting ?? ownSorting;
  // Tailwind's `sm` (40rem): the table from there on, the cards below.
  const wide = useMediaQuery('(min-width: 40rem)');

  const defs: ColumnDef<Row>[] = columns.map((c) => ({
    id: c.id,
    // Every column has an accessor: TanStack filters and sorts only columns that have one.
    accessorFn: (row: Row) => (c.value ? c.value(row) : null),
    enableSorting: c.sortable === true && c.value !== undefined,
    enableGlobalFilter: c.value !== undefined,
    filterFn: c.filter ? (row, _columnId, value) => c.filter!(row.original, value) : undefined,
    sortUndefined: 'last',
  }));

  // TanStack's table object is mutable and stable across renders, and nothing here is memoized
  // (the project does not run the React Compiler), so the compiler's warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<Row>({
    data: rows as Row[],
    columns: defs,
    getRowId: (row) => rowId(row),
    state: {
      sorting,
      columnFilters: props.columnFilters ?? NO_FILTERS,
      globalFilter: props.globalFilter ?? '',
      expanded,
      columnVisibility: Object.fromEntries(columns.filter((c) => c.hidden).map((c) => [c.id, false])),
    },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      if (props.onSortingChange) props.onSortingChange(next);
      else setOwnSorting(next);
    },
    onExpandedChange: (updater) => {
      const next = typeof updater === 'function' ? updater(expanded) : updater;
      // `true` (every row open) is never set here: rows open one by one.
      if (props.onExpandedChange) props.onExpandedChange(next === true ? {} : next);
      else setOwnExpanded(next);
    },
    getRowCanExpand: (row) => (details ? (details.has?.(row.original) ?? true) : false),
    globalFilterFn: 'includesString',
    // No pagination state here (paging is `shown`): without this, every re-render (a sort, new rows
    // after a server action, a client navigation) recomputes the filtered rows, TanStack queues a
    // reset of its page index, that state change re-renders, and so on without end: the page hangs.
    autoResetAll: false,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const visible = columns.filter((c) => !c.hidden && c.cell);
  const keyColumn = visible.find((c) => c.isRowHeader) ?? visible[0];
  const allRows = table.getRowModel().rows;
  const pageRows = allRows.slice(0, shown);
  const hasFooter = visible.some((c) => c.footer !== undefined);
  const columnCount = visible.length + (details ? 1 : 0);
  const captionId = `${id}-caption`;
  const cardsCaptionId = `${id}-cards-caption`;

  const summary = props.summary ? (
    <p role="status" className="mb-2 text-sm text-muted" data-testid={props.testId ? `${props.testId}-summary` : undefined}>
      {props.summary(allRows.length, rows.length)}
    </p>
  ) : null;

  const toggle = (rowKey: string, isOpen: boolean, label: string, controls: string, onClick: () => void) => (
    <button
      type="button"
      aria-expanded={isOpen}
      aria-controls={controls}
      onClick={onClick}
      className="cursor-pointer text-sm font-medium text-brand underline-offset-2 hover:underline"
      data-details-toggle={rowKey}
    >
      {isOpen ? details!.hideLabel : details!.showLabel}
      <span className="sr-only">: {label}</span>
    </button>
  );

  const headerCell = (c: DataColumn<Row>) => {
    const column = table.getColumn(c.id)!;
    const canSort = column.getCanSort();
    const sorted = column.getIsSorted();
    const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : canSort ? 'none' : undefined;
    const sticky = props.stickyHeader ? 'sticky top-0 z-10 bg-surface shadow-[inset_0_-1px_0_var(--color-line)]' : '';
    return (
      <th key={c.id} scope="col" aria-sort={ariaSort} className={`px-2 py-2 align-bottom font-medium ${ALIGN[c.align ?? 'start']} ${sticky}`} {...c.headerProps}>
        {canSort ? (
          <button
            type="button"
            onClick={column.getToggleSortingHandler()}
            className={`inline-flex cursor-pointer items-center gap-1 font-medium hover:underline ${c.align === 'end' ? 'flex-row-reverse' : ''}`}
          >
            <span>{c.header}</span>
            <span aria-hidden="true" className="text-xs text-muted">
              {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
            </span>
          </button>
        ) : (
          c.header
        )}
      </th>
    );
  };

  const tableView = (
    <table className={`w-full text-left text-sm ${props.tableClassName ?? ''}`} data-testid={props.testId}>
      <caption id={captionId} className={captionVisible ? 'pb-2 text-left text-sm font-medium text-ink' : 'sr-only'}>
        {caption}
      </caption>
      <thead>
        <tr className="border-b border-line text-xs text-muted">
          {visible.map(headerCell)}
          {details ? (
            <th scope="col" className={`px-2 py-2 align-bottom font-medium ${props.stickyHeader ? 'sticky top-0 z-10 bg-surface' : ''}`}>
              {details.header}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {pageRows.map((row) => {
          const isOpen = row.getIsExpanded();
          const detailsId = `${id}-details-${row.id}`;
          const attrs = props.rowProps?.(row.original, 'row') ?? {};
          return (
            <Fragment key={row.id}>
              <tr {...attrs} className={`border-b border-line/60 align-top ${isOpen ? 'border-b-0' : ''} ${attrs.className ?? ''}`}>
                {visible.map((c) =>
                  c === keyColumn && c.isRowHeader ? (
                    <th key={c.id} scope="row" className={`px-2 py-1.5 font-normal ${ALIGN[c.align ?? 'start']} ${c.className ?? ''}`}>
                      {c.cell!(row.original)}
                    </th>
                  ) : (
                    <td key={c.id} className={`px-2 py-1.5 ${ALIGN[c.align ?? 'start']} ${c.className ?? ''}`}>
                      {c.cell!(row.original)}
                    </td>
                  ),
                )}
                {details ? (
                  <td className="px-2 py-1.5 whitespace-nowrap">
                    {row.getCanExpand() ? (
                      toggle(row.id, isOpen, details.rowLabel(row.original), detailsId, row.getToggleExpandedHandler())
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                ) : null}
              </tr>
              {isOpen ? (
                <tr className="border-b border-line/60">
                  <td id={detailsId} colSpan={columnCount} className="px-2 pt-0 pb-3">
                    <div className="rounded-md bg-canvas p-3">{details!.render(row.original)}</div>
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
      {hasFooter ? (
        <tfoot>
          <tr {...(props.footerProps?.('row') ?? {})} className="font-semibold">
            {visible.map((c) => {
              const cls = `px-2 py-2 shadow-[inset_0_2px_0_var(--color-line)] ${ALIGN[c.align ?? 'start']} ${c.className ?? ''}`;
              return c === keyColumn ? (
                <th key={c.id} scope="row" className={cls}>
                  {c.footer}
                </th>
              ) : (
                <td key={c.id} className={cls}>
                  {c.footer}
                </td>
              );
            })}
            {details ? <td className="shadow-[inset_0_2px_0_var(--color-line)]" /> : null}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );

  const Title = cardTitleAs;
  const cardValues = (cells: { column: DataColumn<Row>; value: ReactNode }[]) => (
    <dl className="mt-2 grid grid-cols-[fit-content(45%)_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      {cells.map(({ column, value }) => (
        <div key={column.id} className="contents">
          <dt className="text-muted">{column.cardHeader ?? column.header}</dt>
          <dd className={`min-w-0 break-words ${column.align === 'end' ? 'text-right tabular-nums' : ''}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
  const cardsView = (
    <>
      <p id={cardsCaptionId} className={captionVisible ? 'text-sm font-medium text-ink' : 'sr-only'}>
        {caption}
      </p>
      <ul aria-labelledby={cardsCaptionId} className="mt-2 space-y-3" data-testid={props.testId ? `${props.testId}-cards` : undefined}>
        {pageRows.map((row) => {
          const isOpen = row.getIsExpanded();
          const detailsId = `${id}-card-details-${row.id}`;
          const attrs = props.rowProps?.(row.original, 'card') ?? {};
          return (
            <li key={row.id} {...attrs} className={`rounded-md border border-line bg-surface p-3 ${attrs.className ?? ''}`}>
              {keyColumn ? <Title className="text-sm font-semibold text-ink">{keyColumn.cell!(row.original)}</Title> : null}
              {cardValues(visible.filter((c) => c !== keyColumn && showsOnCard(c, row.original)).map((c) => ({ column: c, value: c.cell!(row.original) })))}
              {details && row.getCanExpand() ? (
                <div className="mt-2">
                  {toggle(row.id, isOpen, details.rowLabel(row.original), detailsId, row.getToggleExpandedHandler())}
                  {isOpen ? (
                    <div id={detailsId} className="mt-2 rounded-md bg-canvas p-3">
                      {details.render(row.original)}
                    </div>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
        {hasFooter && keyColumn ? (
          <li {...(props.footerProps?.('card') ?? {})} data-total="" className="rounded-md border-2 border-line bg-canvas p-3">
            <Title className="text-sm font-semibold text-ink">{keyColumn.footer}</Title>
            {cardValues(visible.filter((c) => c !== keyColumn && c.footer !== undefined && c.card !== 'hide').map((c) => ({ column: c, value: c.footer })))}
          </li>
        ) : null}
      </ul>
    </>
  );

  const more =
    allRows.length > pageRows.length ? (
      <button type="button" className={`mt-3 ${buttonClass('secondary', 'sm')}`} onClick={() => setShown(shown + (props.pageSize ?? allRows.length))}>
        {props.moreLabel?.(pageRows.length, allRows.length) ?? `${pageRows.length} / ${allRows.length}`}
      </button>
    ) : null;

  // The summary keeps its place whether rows are left or not, so its changes are announced.
  if (allRows.length === 0) {
    const filtered = rows.length > 0;
    return (
      <div data-testid={props.testId ? `${props.testId}-empty` : undefined}>
        {summary}
        {captionVisible ? <p className="text-sm font-medium text-ink">{caption}</p> : null}
        <p className="mt-1 text-sm text-muted">{filtered ? (props.emptyFiltered ?? props.empty) : props.empty}</p>
      </div>
    );
  }
  // The server draws the table and the cards, and CSS shows the one that fits; once the browser
  // knows its width only that one stays (half the DOM on long lists), and it follows a resize.
  const showTable = !cards || wide !== false;
  const showCards = cards && wide !== true;
  return (
    <div>
      {summary}
      {showTable ? (
        <div className={cards ? 'hidden sm:block' : undefined}>
          {props.scroll ? (
            <ScrollRegion labelledBy={captionId} className={props.regionClassName}>
              {tableView}
            </ScrollRegion>
          ) : (
            tableView
          )}
        </div>
      ) : null}
      {showCards ? <div className="sm:hidden">{cardsView}</div> : null}
      {more}
    </div>
  );
}
