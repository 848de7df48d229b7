import type { CategoryAction, CategoryId } from '../retention/categories';
import type { ReasonCode } from '../retention/conditions';

/*
 * The wording of the retention statement (RETENTION.md, "Retention statement"), in the two
 * languages a customer can ask for it in. Written for the customer, in plain words ("u"/"you"),
 * never the codes. One source for the screen, the JSON API and the command line: all three print
 * what lib/requests/statement.ts builds from these tables. Dutch is the default language.
 */

export const STATEMENT_LANGS = ['nl', 'en'] as const;
export type StatementLang = (typeof STATEMENT_LANGS)[number];
export const DEFAULT_STATEMENT_LANG: StatementLang = 'nl';

/** Narrows a query value or flag to a statement language. */
export function isStatementLang(value: unknown): value is StatementLang {
  return typeof value === 'string' && (STATEMENT_LANGS as readonly string[]).includes(value);
}

export type StatementWording = {
  intlLocale: string;
  title: string;
  customer: (actorId: number) => string;
  asOf: (date: string) => string;
  intro: string;
  status: { active: string; cancelled: (date: string) => string; neverMember: string };
  loanHistory: { on: string; off: string };
  categoriesTitle: string;
  categoriesIntro: string;
  noRecords: string;
  labels: { category: string; records: string; rule: string; action: string; next: string; last: string };
  records: (n: number) => string;
  categoryNames: Record<CategoryId, string>;
  /** A sentence under a category's name where the name alone says too little to the customer (KSM). */
  categoryAbout: Partial<Record<CategoryId, string>>;
  /** What a category's age rule counts from ("after you returned the item"). */
  ageBasis: Partial<Record<CategoryId, string>>;
  /** Records of the category that no rule processes, as the customer knows them. */
  keptWhile: Partial<Record<CategoryId, string>>;
  period: { months: (n: number) => string; years: (n: number) => string; days: (n: number) => string };
  rule: {
    age: (period: string, basis: string) => string;
    cancellation: (period: string) => string;
    optOut: (period: string) => string;
    either: (a: string, b: string) => string;
    none: string;
  };
  action: Record<CategoryAction, string>;
  next: { now: (count: string, date: string) => string; then: (now: string, date: string) => string; none: string };
  last: { unknown: string; none: string };
  reasonsTitle: string;
  reasonsIntro: string;
  noReasons: string;
  reasons: Record<ReasonCode, string>;
  /** How a reason without an end date ends. */
  reasonEnds: Partial<Record<ReasonCode, string>>;
  until: (date: string) => string;
  noEndDate: string;
  removalTitle: string;
  removal: {
    due: (date: string) => string;
    today: (date: string) => string;
    on: (date: string) => string;
    /** `reasons`: the sentences of the reasons without an end date. */
    unknownBecause: (reasons: string) => string;
  };
  removalRequest: (date: string) => string;
  legalHold: { until: (date: string) => string; noEnd: string };
  legalBasis: string;
  closing: string;
};

const nl: StatementWording = {
  intlLocale: 'nl-NL',
  title: 'Overzicht van uw gegevens en hoe lang wij ze bewaren',
  customer: (id) => `Klantnummer ${id}`,
  asOf: (date) => `Stand van ${date}`,
  intro:
    'U hebt gevraagd welke gegevens de bibliotheek over u bewaart (artikel 15 van de Algemene verordening gegevensbescherming). Hieronder staat per soort gegeven hoeveel wij er bewaren, welke bewaartermijn geldt en wanneer wij ze verwijderen.',
  status: {
    active: 'U bent lid van de bibliotheek.',
    cancelled: (date) => `Uw lidmaatschap is beëindigd op ${date}.`,
    neverMember: 'U bent geen lid van de bibliotheek geweest.',
  },
  loanHistory: {
    on: 'U hebt gekozen uw leengeschiedenis te laten bewaren.',
    off: 'U hebt gekozen uw leengeschiedenis niet te laten bewaren.',
  },
  categoriesTitle: 'Welke gegevens wij bewaren',
  categoriesIntro: 'Alleen de soorten gegevens waarvan wij nu iets over u bewaren.',
  noRecords: 'Wij bewaren geen gegevens meer over u, behalve uw klantnummer.',
  labels: { category: 'Gegevens', records: 'Aantal', rule: 'Bewaartermijn', action: 'Wat er gebeurt', next: 'Eerstvolgende', last: 'Laatste' },
  records: (n) => (n === 1 ? '1 gegeven' : `${n} gegevens`),
  categoryNames: {
    personal_details: 'Naam, adres, telefoonnummer en e-mailadres',
    memberships: 'Lidmaatschappen',
    titles_previously_borrowed: 'Titels die u eerder hebt geleend',
    asset_profiles: 'Interesseprofielen',
    loan_history: 'Leengeschiedenis',
    instance_history: 'Geschiedenis bij de bibliotheekorganisatie',
    holds: 'Reserveringen',
    marketing: 'Marketing en nieuwsbrieven',
    ksm: 'Klantgegevens in KSM',
    customer_notifications: 'Berichten die wij u stuurden',
    to_inform: 'Berichten die nog voor u klaarstaan',
    tickets: 'Vragen en meldingen',
    account_changes: 'Wijzigingen in uw account',
    blocks: 'Blokkades op uw account',
    documents: 'Documenten en toestemmingen',
    credentials: 'Bibliotheekpas en gebruikersnaam',
    relationships: 'Koppelingen met andere klanten',
    collection_records: 'Incassogegevens',
    collections_agency: 'Overdracht aan een incassobureau',
    financial_transactions: 'Financiële administratie (contributies, boetes, betalingen)',
  },
  categoryAbout: {
    ksm: 'KSM is de naam waaronder het bibliotheeksysteem gegevens over u bijhoudt, elk met de datum van de gebeurtenis.',
  },
  ageBasis: {
    memberships: 'het einde van het lidmaatschap',
    loan_history: 'het terugbrengen',
    instance_history: 'de gebeurtenis',
    holds: 'het afsluiten van de reservering',
    marketing: 'de gebeurtenis',
    ksm: 'de datum van het gegeven',
    customer_notifications: 'het versturen',
    to_inform: 'het aanmaken',
    tickets: 'het afsluiten van de vraag of melding',
    account_changes: 'de wijziging',
    collection_records: 'de datum van het gegeven',
    collections_agency: 'de overdracht',
    financial_transactions: 'de boeking',
  },
  keptWhile: {
    memberships: 'Een lidmaatschap zonder einddatum bewaren wij zolang het loopt.',
    loan_history: 'Wat u nu geleend hebt, bewaren wij tot u het terugbrengt.',
    holds: 'Een open reservering bewaren wij tot die is afgesloten.',
    tickets: 'Een open vraag of melding bewaren wij tot die is afgesloten.',
    blocks: 'Een algemene blokkade of een blokkade voor een deurwaarder bewaren wij tot die is opgeheven.',
    credentials: 'Een gebruikersnaam voor een selfservice-apparaat bewaren wij zolang die wordt gebruikt.',
    financial_transactions: 'Een bedrag dat nog openstaat, bewaren wij tot het is betaald.',
  },
  period: {
    months: (n) => (n === 1 ? '1 maand' : `${n} maanden`),
    years: (n) => `${n} jaar`,
    days: (n) => (n === 1 ? '1 dag' : `${n} dagen`),
  },
  rule: {
    age: (period, basis) => `${period} na ${basis}`,
    cancellation: (period) => `${period} na het einde van uw lidmaatschap`,
    optOut: (period) => `${period} na het terugbrengen, omdat u uw leengeschiedenis niet laat bewaren`,
    either: (a, b) => `${a}, of ${b}, wat het eerst komt`,
    none: 'Geen vaste termijn: deze gegevens gaan weg als wij al uw gegevens verwijderen',
  },
  action: {
    delete: 'verwijderd',
    anonymize: 'losgekoppeld van u (alleen voor statistiek bewaard, zonder uw naam of klantnummer)',
    erase: 'gewist',
  },
  next: {
    now: (count, date) => `${count} nu, op ${date}`,
    then: (now, date) => `${now}; daarna ${date}`,
    none: 'geen',
  },
  last: { unknown: 'nog niet bekend', none: '—' },
  reasonsTitle: 'Waarom wij u nog bewaren',
  reasonsIntro: 'Zolang een van deze redenen geldt, verwijderen wij u niet helemaal.',
  noReasons: 'Er is geen reden meer om u te bewaren.',
  reasons: {
    OPEN_FINANCIAL_ITEMS: 'U hebt nog een bedrag open staan (bijvoorbeeld een boete of contributie die nog niet betaald is).',
    RECENT_FINANCIAL_ARCHIVE: 'Wij moeten onze financiële administratie, ook uw betalingen, een aantal jaren bewaren.',
    CURRENT_LOANS: 'U hebt nog iets van de bibliotheek geleend.',
    RECENT_EDUB_DEREGISTRATION: 'U bent minder dan 3 maanden geleden uitgeschreven als lid via een onderwijsinstelling.',
    RECENT_MEMBERSHIP_END: 'Uw lidmaatschap is minder dan 2 jaar geleden beëindigd; zo lang kunt u terugkomen zonder opnieuw alles in te vullen.',
    BRANCH_OR_EXTERNAL_ROLE: 'U bent bij ons geregistreerd voor een vestiging of als externe gebruiker.',
    STAFF_ROLE: 'U bent bij ons geregistreerd als medewerker.',
    GENERAL_OR_BAILIFF_BLOCK: 'Er staat een algemene blokkade of een blokkade voor een deurwaarder op uw account.',
    SUPPLIER_ROLE: 'U bent bij ons geregistreerd als leverancier.',
    EXTERNAL_SUPPLIER_ROLE: 'U bent bij ons geregistreerd als externe leverancier.',
    SIP_PORT_USERNAME: 'Een gebruikersnaam van u wordt gebruikt door een selfservice-apparaat.',
    LOCATION_ROLE: 'U bent bij ons geregistreerd voor een locatie.',
    EXTERNAL_ROLE: 'U bent bij ons geregistreerd in een externe rol.',
    EXTERNAL_BRANCH_ROLE: 'U bent bij ons geregistreerd voor een externe vestiging.',
    PERSONNEL_ROLE: 'U bent bij ons geregistreerd als personeelslid.',
    OPEN_ENDED_SUBSCRIPTION: 'U hebt een abonnement zonder einddatum.',
    RUNNING_MEMBERSHIP_STATUS: 'Een lidmaatschap van u is in onze administratie nog niet afgesloten.',
    SPECIAL_MEMBERSHIP: 'U hebt een bijzonder lidmaatschap.',
    CLEANUP_DISABLED: 'De bibliotheek verwijdert op dit moment geen klanten automatisch.',
    ACTIVE_MEMBERSHIP: 'U bent lid van de bibliotheek.',
    NOT_INACTIVE_LONG_ENOUGH: 'Na het einde van uw lidmaatschap bewaren wij uw gegevens nog een tijd, zodat u kunt terugkomen.',
    LEGAL_HOLD: 'Er geldt een juridische bewaarplicht voor uw gegevens.',
  },
  reasonEnds: {
    OPEN_FINANCIAL_ITEMS: 'Dit eindigt als alles is betaald.',
    CURRENT_LOANS: 'Dit eindigt als u alles hebt teruggebracht.',
    GENERAL_OR_BAILIFF_BLOCK: 'Dit eindigt als de blokkade is opgeheven.',
    SIP_PORT_USERNAME: 'Dit eindigt als de gebruikersnaam niet meer wordt gebruikt.',
    OPEN_ENDED_SUBSCRIPTION: 'Dit eindigt als het abonnement stopt.',
    CLEANUP_DISABLED: 'Dit eindigt als de bibliotheek een termijn instelt.',
    ACTIVE_MEMBERSHIP: 'Dit eindigt als uw lidmaatschap stopt.',
    LEGAL_HOLD: 'Dit eindigt als de bewaarplicht wordt opgeheven.',
  },
  until: (date) => `Tot ${date}`,
  noEndDate: 'Geen einddatum',
  removalTitle: 'Wanneer wij u verwijderen',
  removal: {
    due: (date) => `Er is geen reden meer om u te bewaren: wij verwijderen al uw gegevens bij de eerstvolgende opschoning, op ${date}.`,
    today: (date) => `De laatste reden om u te bewaren vervalt op ${date}; op die dag verwijderen wij al uw gegevens.`,
    on: (date) => `Als er niets verandert, verwijderen wij al uw gegevens op ${date}.`,
    unknownBecause: (reasons) => `Die datum is nog niet bekend, omdat er een reden geldt zonder einddatum: ${reasons}`,
  },
  removalRequest: (date) =>
    `U hebt op ${date} gevraagd uw gegevens te verwijderen. Wij verwijderen ze zodra geen wettelijke of andere dwingende reden meer geldt om ze te bewaren.`,
  legalHold: {
    until: (date) => `Er geldt een juridische bewaarplicht voor uw gegevens tot ${date}. Zolang die geldt, verwijderen wij niets van u.`,
    noEnd: 'Er geldt een juridische bewaarplicht voor uw gegevens, zonder einddatum. Zolang die geldt, verwijderen wij niets van u.',
  },
  legalBasis:
    'Voor de financiële administratie geldt de fiscale bewaarplicht van zeven jaar (artikel 52 van de Algemene wet inzake rijksbelastingen). Daarom bewaren wij contributies, boetes en betalingen zo lang.',
  closing:
    'Hebt u vragen over dit overzicht, of wilt u gegevens laten verbeteren of verwijderen? Neem contact op met de bibliotheek. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.',
};

const en: StatementWording = {
  intlLocale: 'en-GB',
  title: 'Statement of your data and how long we keep it',
  customer: (id) => `Customer number ${id}`,
  asOf: (date) => `As of ${date}`,
  intro:
    'You asked which data the library holds about you (article 15 of the General Data Protection Regulation). Below you find, for each kind of data, how much we hold, which retention period applies and when we remove it.',
  status: {
    active: 'You are a member of the library.',
    cancelled: (date) => `Your membership ended on ${date}.`,
    neverMember: 'You have not been a member of the library.',
  },
  loanHistory: {
    on: 'You chose to have your loan history kept.',
    off: 'You chose not to have your loan history kept.',
  },
  categoriesTitle: 'The data we hold',
  categoriesIntro: 'Only the kinds of data of which we hold something about you now.',
  noRecords: 'We no longer hold any data about you, except your customer number.',
  labels: { category: 'Data', records: 'Number', rule: 'Retention period', action: 'What happens', next: 'Next', last: 'Last' },
  records: (n) => (n === 1 ? '1 record' : `${n} records`),
  categoryNames: {
    personal_details: 'Name, address, phone number and e-mail address',
    memberships: 'Memberships',
    titles_previously_borrowed: 'Titles you borrowed before',
    asset_profiles: 'Interest profiles',
    loan_history: 'Loan history',
    instance_history: 'History with the library organisation',
    holds: 'Reservations',
    marketing: 'Marketing and newsletters',
    ksm: 'Customer records in KSM',
    customer_notifications: 'Messages we sent you',
    to_inform: 'Messages waiting for you',
    tickets: 'Questions and reports',
    account_changes: 'Changes to your account',
    blocks: 'Blocks on your account',
    documents: 'Documents and permissions',
    credentials: 'Library card and username',
    relationships: 'Links to other customers',
    collection_records: 'Debt collection records',
    collections_agency: 'Hand-over to a collection agency',
    financial_transactions: 'Financial records (membership fees, fines, payments)',
  },
  categoryAbout: {
    ksm: 'KSM is the name under which the library system keeps records about you, each dated by the event it records.',
  },
  ageBasis: {
    memberships: 'the membership ended',
    loan_history: 'you returned the item',
    instance_history: 'the event',
    holds: 'the reservation was closed',
    marketing: 'the event',
    ksm: 'the date of the record',
    customer_notifications: 'it was sent',
    to_inform: 'it was made',
    tickets: 'the question or report was closed',
    account_changes: 'the change',
    collection_records: 'the date of the record',
    collections_agency: 'the hand-over',
    financial_transactions: 'it was booked',
  },
  keptWhile: {
    memberships: 'A membership without an end date is kept while it runs.',
    loan_history: 'What you have on loan now is kept until you return it.',
    holds: 'An open reservation is kept until it is closed.',
    tickets: 'An open question or report is kept until it is closed.',
    blocks: 'A general block or a block for a bailiff is kept until it is lifted.',
    credentials: 'A username used by a self-service machine is kept while it is used.',
    financial_transactions: 'An amount still open is kept until it is paid.',
  },
  period: {
    months: (n) => (n === 1 ? '1 month' : `${n} months`),
    years: (n) => (n === 1 ? '1 year' : `${n} years`),
    days: (n) => (n === 1 ? '1 day' : `${n} days`),
  },
  rule: {
    age: (period, basis) => `${period} after ${basis}`,
    cancellation: (period) => `${period} after your membership ended`,
    optOut: (period) => `${period} after you returned the item, because you chose not to have your loan history kept`,
    either: (a, b) => `${a}, or ${b}, whichever comes first`,
    none: 'No fixed period: this data goes when we remove all your data',
  },
  action: {
    delete: 'deleted',
    anonymize: 'unlinked from you (kept for statistics only, without your name or customer number)',
    erase: 'erased',
  },
  next: {
    now: (count, date) => `${count} now, on ${date}`,
    then: (now, date) => `${now}; then ${date}`,
    none: 'none',
  },
  last: { unknown: 'not yet known', none: '—' },
  reasonsTitle: 'Why we still keep you',
  reasonsIntro: 'As long as one of these reasons holds, we do not remove you completely.',
  noReasons: 'There is no reason left to keep you.',
  reasons: {
    OPEN_FINANCIAL_ITEMS: 'You still have an amount open (such as a fine or a membership fee not yet paid).',
    RECENT_FINANCIAL_ARCHIVE: 'We must keep our financial records, your payments included, for a number of years.',
    CURRENT_LOANS: 'You still have something of the library on loan.',
    RECENT_EDUB_DEREGISTRATION: 'You were deregistered as a member through an educational institution less than 3 months ago.',
    RECENT_MEMBERSHIP_END: 'Your membership ended less than 2 years ago; until then you can come back without filling everything in again.',
    BRANCH_OR_EXTERNAL_ROLE: 'You are registered with us for a branch or as an external user.',
    STAFF_ROLE: 'You are registered with us as staff.',
    GENERAL_OR_BAILIFF_BLOCK: 'There is a general block or a block for a bailiff on your account.',
    SUPPLIER_ROLE: 'You are registered with us as a supplier.',
    EXTERNAL_SUPPLIER_ROLE: 'You are registered with us as an external supplier.',
    SIP_PORT_USERNAME: 'A username of yours is used by a self-service machine.',
    LOCATION_ROLE: 'You are registered with us for a location.',
    EXTERNAL_ROLE: 'You are registered with us in an external role.',
    EXTERNAL_BRANCH_ROLE: 'You are registered with us for an external branch.',
    PERSONNEL_ROLE: 'You are registered with us as personnel.',
    OPEN_ENDED_SUBSCRIPTION: 'You have a subscription without an end date.',
    RUNNING_MEMBERSHIP_STATUS: 'A membership of yours is not yet closed in our records.',
    SPECIAL_MEMBERSHIP: 'You have a special membership.',
    CLEANUP_DISABLED: 'The library does not remove customers automatically at the moment.',
    ACTIVE_MEMBERSHIP: 'You are a member of the library.',
    NOT_INACTIVE_LONG_ENOUGH: 'After your membership ended we keep your data for a while, so that you can come back.',
    LEGAL_HOLD: 'A legal obligation to keep your data applies.',
  },
  reasonEnds: {
    OPEN_FINANCIAL_ITEMS: 'This ends when everything is paid.',
    CURRENT_LOANS: 'This ends when you have returned everything.',
    GENERAL_OR_BAILIFF_BLOCK: 'This ends when the block is lifted.',
    SIP_PORT_USERNAME: 'This ends when the username is no longer used.',
    OPEN_ENDED_SUBSCRIPTION: 'This ends when the subscription stops.',
    CLEANUP_DISABLED: 'This ends when the library sets a period.',
    ACTIVE_MEMBERSHIP: 'This ends when your membership stops.',
    LEGAL_HOLD: 'This ends when the obligation is lifted.',
  },
  until: (date) => `Until ${date}`,
  noEndDate: 'No end date',
  removalTitle: 'When we remove you',
  removal: {
    due: (date) => `There is no reason left to keep you: we remove all your data at the next cleanup, on ${date}.`,
    today: (date) => `The last reason to keep you ends on ${date}; on that day we remove all your data.`,
    on: (date) => `If nothing changes, we remove all your data on ${date}.`,
    unknownBecause: (reasons) => `That date is not yet known, because a reason without an end date holds: ${reasons}`,
  },
  removalRequest: (date) =>
    `On ${date} you asked us to remove your data. We remove it as soon as no legal or other compelling reason to keep it holds any more.`,
  legalHold: {
    until: (date) => `A legal obligation to keep your data applies until ${date}. While it applies, we remove nothing of yours.`,
    noEnd: 'A legal obligation to keep your data applies, without an end date. While it applies, we remove nothing of yours.',
  },
  legalBasis:
    'For the financial records, the fiscal retention obligation of seven years applies (in Dutch: fiscale bewaarplicht, article 52 of the Algemene wet inzake rijksbelastingen). That is why we keep membership fees, fines and payments that long.',
  closing:
    'Do you have questions about this statement, or do you want data corrected or removed? Please contact the library. You can also lodge a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
};

/** The statement's wording in each language. */
export const STATEMENT_WORDING: Record<StatementLang, StatementWording> = { nl, en };
