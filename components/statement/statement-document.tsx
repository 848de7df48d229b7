import { ScrollRegion } from '@/components/ui/scroll-region';
import type { RetentionStatement } from '@/lib/requests/statement';


/** A category's next or last day: the words of the statement, a <time> when there is a date. */
function Day({ date, text }: { date: string | null | undefined; text: string }) {
  return date ? <time dateTime={date}>{text}</time> : <>{text}</>;
}

/*
 * The retention statement as the customer reads it, in the statement's own language (its `lang`
 * attribute), whatever the staff member's screen language is. Only the wording the builder made:
 * the API's `text` is exactly what is printed here. On paper: black on white, no card, tables that
 * wrap instead of scrolling, rows and sections not split over two pages.
 */
export function StatementDocument({ statement }: { statement: RetentionStatement }) {
  const t = statement.text;
  return (
    <article
      lang={statement.lang}
      aria-labelledby="statement-title"
      data-testid="statement"
      className="mx-auto max-w-4xl rounded-lg border border-line bg-surface p-6 text-ink shadow-sm sm:p-8 print:max-w-none print:rounded-none print:border-0 print:p-0 print:text-black print:shadow-none"
    >
      <header className="border-b border-line pb-4 print:border-black">
        <h2 id="statement-title" className="flex items-center gap-3 text-xl font-semibold sm:text-2xl print:text-[16pt]">
          {/* The dashboard's mark (public/logo.svg), decorative: the title says what this is. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a 32 px SVG needs no image optimisation */}
          <img src="/logo.svg" alt="" width={32} height={32} className="size-8 shrink-0 print:size-[10mm]" />
          {t.title}
        </h2>
        <p className="mt-1 text-sm text-muted print:text-black">
          <span data-testid="statement-customer">{t.customer}</span> · <time dateTime={statement.asOf}>{t.asOf}</time>
        </p>
      </header>

      <p className="mt-4 text-sm leading-relaxed">{t.intro}</p>
      <ul className="mt-3 space-y-1 text-sm">
        {t.status.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <section aria-labelledby="statement-categories" className="mt-6 print:mt-4">
        <h3 id="statement-categories" className="text-base font-semibold">
          {t.categoriesTitle}
        </h3>
        <p className="mt-1 text-sm text-muted print:text-black">{t.categoriesIntro}</p>
        {t.noRecords ? (
          <p className="mt-3 text-sm">{t.noRecords}</p>
        ) : (
          <>
          {/* On a phone each category is a card (the table's five columns would scroll sideways); on paper and from `sm` up, the table. */}
          <ul className="mt-3 space-y-3 sm:hidden print:hidden" data-testid="statement-category-cards">
            {t.categories.map((c) => (
              <li key={c.category} className="rounded-md border border-line p-3 text-sm" data-category={c.category}>
                <p className="font-medium">{c.name}</p>
                {c.about ? <p className="text-xs text-muted">{c.about}</p> : null}
                <dl className="mt-2 grid grid-cols-[fit-content(45%)_minmax(0,1fr)] gap-x-4 gap-y-1">
                  <dt className="text-muted">{t.labels.records}</dt>
                  <dd className="tabular-nums">{c.records}</dd>
                  <dt className="text-muted">{t.labels.action}</dt>
                  <dd>{c.action}</dd>
                  <dt className="text-muted">{t.labels.rule}</dt>
                  <dd className="min-w-0 break-words">
                    {c.rule}
                    {c.note ? <span className="block text-xs text-muted">{c.note}</span> : null}
                  </dd>
                  <dt className="text-muted">{t.labels.next}</dt>
                  <dd>
                    <Day date={c.nextDate} text={c.next} />
                  </dd>
                  <dt className="text-muted">{t.labels.last}</dt>
                  <dd>
                    <Day date={c.lastDate} text={c.last} />
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
          <ScrollRegion labelledBy="statement-categories-caption" className="mt-3 hidden sm:block print:block print:overflow-visible">
            <table className="w-full min-w-[36rem] border-collapse text-left text-sm print:min-w-0 print:text-[9pt]" data-testid="statement-categories">
              <caption id="statement-categories-caption" className="sr-only">
                {t.categoriesTitle}
              </caption>
              <thead>
                <tr className="border-b-2 border-line align-bottom print:border-black">
                  <th scope="col" className="py-2 pr-3 font-semibold">{t.labels.category}</th>
                  <th scope="col" className="py-2 pr-3 text-right font-semibold">{t.labels.records}</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">{t.labels.rule}</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">{t.labels.next}</th>
                  <th scope="col" className="py-2 font-semibold">{t.labels.last}</th>
                </tr>
              </thead>
              <tbody>
                {t.categories.map((c) => (
                  <tr key={c.category} className="break-inside-avoid border-b border-line align-top print:border-black/40" data-category={c.category}>
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {c.name}
                      {c.about ? <span className="block text-xs font-normal text-muted print:text-black">{c.about}</span> : null}
                      <span className="block text-xs font-normal text-muted print:text-black">
                        {t.labels.action}: {c.action}
                      </span>
                    </th>
                    <td className="py-2 pr-3 text-right whitespace-nowrap">{c.records}</td>
                    <td className="py-2 pr-3">
                      {c.rule}
                      {c.note ? <span className="block text-xs text-muted print:text-black">{c.note}</span> : null}
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap"><Day date={c.nextDate} text={c.next} /></td>
                    <td className="py-2 whitespace-nowrap"><Day date={c.lastDate} text={c.last} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          </>
        )}
      </section>

      <section aria-labelledby="statement-reasons" className="mt-6 print:mt-4 break-inside-avoid">
        <h3 id="statement-reasons" className="text-base font-semibold">
          {t.reasonsTitle}
        </h3>
        {t.noReasons ? (
          <p className="mt-2 text-sm">{t.noReasons}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted print:text-black">{t.reasonsIntro}</p>
            <ul className="mt-2 list-disc space-y-1.5 pl-5 text-sm" data-testid="statement-reasons">
              {t.reasons.map((r) => (
                <li key={r.code} className="break-inside-avoid">
                  {r.text}
                  <span className="block">
                    <strong className="font-semibold">{r.until ? <time dateTime={r.until}>{r.untilText}</time> : r.untilText}</strong>
                    {r.ends ? <span className="text-muted print:text-black">. {r.ends}</span> : null}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="statement-removal" className="mt-6 print:mt-4 break-inside-avoid">
        <h3 id="statement-removal" className="text-base font-semibold">
          {t.removalTitle}
        </h3>
        <p className="mt-2 text-sm" data-testid="statement-removal">
          {t.removal}
        </p>
        {t.removalRequest ? (
          <p className="mt-2 text-sm" data-testid="statement-request">
            {t.removalRequest}
          </p>
        ) : null}
        {t.legalHold ? (
          <p className="mt-2 text-sm" data-testid="statement-hold">
            {t.legalHold}
          </p>
        ) : null}
      </section>

      {t.legalBasis ? (
        <p className="mt-6 print:mt-4 border-l-4 border-brand/40 pl-3 text-sm break-inside-avoid print:border-black" data-testid="statement-legal-basis">
          {t.legalBasis}
        </p>
      ) : null}

      <p className="mt-6 print:mt-4 border-t border-line pt-4 text-sm break-inside-avoid print:border-black">{t.closing}</p>
    </article>
  );
}
