const countFormat = new Intl.NumberFormat('en-GB');

/** A count with thousands separators: 12,345. */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** An instant as "15 Nov 2024, 03:10" in the given time zone (the system time zone of the rules). */
export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
