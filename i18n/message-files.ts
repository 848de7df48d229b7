import enActors from '../messages/en/actors.json';
import enCleanup from '../messages/en/cleanup.json';
import enCore from '../messages/en/core.json';
import enForecast from '../messages/en/forecast.json';
import enPolicy from '../messages/en/policy.json';
import enReports from '../messages/en/reports.json';
import enSettings from '../messages/en/settings.json';
import enSelections from '../messages/en/selections.json';
import enStatement from '../messages/en/statement.json';
import enTerms from '../messages/en/terms.json';
import nlActors from '../messages/nl/actors.json';
import nlCleanup from '../messages/nl/cleanup.json';
import nlCore from '../messages/nl/core.json';
import nlForecast from '../messages/nl/forecast.json';
import nlPolicy from '../messages/nl/policy.json';
import nlReports from '../messages/nl/reports.json';
import nlSettings from '../messages/nl/settings.json';
import nlSelections from '../messages/nl/selections.json';
import nlStatement from '../messages/nl/statement.json';
import nlTerms from '../messages/nl/terms.json';

/*
 * The message files of each language: `messages/<locale>/core.json` for the shell and the earlier
 * screens, one file per larger screen beside it. Each file holds its own top-level namespaces;
 * tests/i18n.test.ts checks that no two files of a language share one (a spread would hide it).
 * Plain data only (no next-intl import), so the type declaration of app-config.d.ts can use it.
 */
export const MESSAGE_FILES = {
  en: { core: enCore, cleanup: enCleanup, settings: enSettings, policy: enPolicy, reports: enReports, actors: enActors, statement: enStatement, selections: enSelections, forecast: enForecast, terms: enTerms },
  nl: { core: nlCore, cleanup: nlCleanup, settings: nlSettings, policy: nlPolicy, reports: nlReports, actors: nlActors, statement: nlStatement, selections: nlSelections, forecast: nlForecast, terms: nlTerms },
};

export const EN_MESSAGES = { ...enCore, ...enCleanup, ...enSettings, ...enPolicy, ...enReports, ...enActors, ...enStatement, ...enSelections, ...enForecast, ...enTerms };
export const NL_MESSAGES = { ...nlCore, ...nlCleanup, ...nlSettings, ...nlPolicy, ...nlReports, ...nlActors, ...nlStatement, ...nlSelections, ...nlForecast, ...nlTerms };
