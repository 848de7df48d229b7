import { connect, type Connection } from '../db/connect';
import { stopEmbeddedPostgres } from '../db/embedded';
import { getDataDir } from '../lib/env';
import { CannotRunNowError, EXIT, UsageError } from './errors';

const HELP = `retention: the GDPR retention dashboard's command line

  retention load <scenario.json> [--replace]
  retention cleanup [--as-of YYYY-MM-DD] [--dry-run] [--until-done] [--json]
  retention actor <actorId>… [--as-of YYYY-MM-DD] [--json]
  retention report deleted-per-day [--from D] [--to D] [--format json|csv]
  retention demo [--actors N] [--seed S] [--replace] [--history-days D]
  retention settings [show | set NAME=VALUE… --reason TEXT [--yes]]
  retention job [status | pause | resume | acknowledge | replan] [--json]
                               replan: plan every actor in the retention schedule anew now
  retention user add --email E --role manager|ops|support|admin [--name N] [--instance I]
                               prints only the one-time password (it works for 72 hours);
                               --instance ties the login to one library instance
  retention token add --role R [--name N] [--instance I] [--expires-days N]
                               prints only the API token (shown once); it expires after
                               N days (1 to 3650, default 90), the date goes to stderr
  retention request-removal <actorId> --reason TEXT [--json]
                               records the customer's removal request, dated today
  retention hold <actorId> --reason TEXT [--until D] [--json]
  retention hold <actorId> --release --reason TEXT
                               places, changes or releases a legal hold
  retention statement <actorId> [--as-of D] [--lang nl|en] [--json]
                               the customer's retention statement (GDPR art. 15), Dutch
                               unless --lang en; access-logged
  retention forecast [--as-of D] [--months N] [--json]
                               what the rules will process in each coming month (1 to 24,
                               default 12), and what is due now
  retention select --instance I [--membership member|active_here|active_elsewhere|inactive|wise_active]
                   [--opt-in yes|no] [--borrowed-from D --borrowed-to D] [--as-of D] [--json]
                               a selection of the instance's customers: counts by membership
                               state and the loans of the period (linked, anonymized)
  retention select … --export customers|items [--columns name,street,postal_code,city,district,email,phone]
                               the selection's export as CSV on stdout; access-logged
  retention db stop            stop the embedded PostgreSQL of DATA_DIR

Exit codes: 0 success, 1 failure, 2 bad input, 3 the cleanup cannot run now.
Run through npm as: npm run retention -- <command> …
`;

type Prepared = (conn: Connection) => Promise<number | void>;

/**
 * Parses and validates a command's arguments (and input files) before any database work. Only the
 * command's own module is loaded: a command starts in well under a second, whatever the others need.
 */
async function prepare(command: string | undefined, argv: string[]): Promise<Prepared | 'help'> {
  switch (command) {
    case 'load': {
      const m = await import('./commands/load');
      const input = m.readScenarioFile(argv);
      return (c) => m.loadCommand(c.db, input);
    }
    case 'cleanup': {
      const m = await import('./commands/cleanup');
      const args = m.parseCleanupArgs(argv);
      return (c) => m.cleanupCommand(c.db, args);
    }
    case 'actor': {
      const m = await import('./commands/actor');
      const args = m.parseActorArgs(argv);
      return (c) => m.actorCommand(c.db, args);
    }
    case 'report': {
      const m = await import('./commands/report');
      const args = m.parseReportArgs(argv);
      return (c) => m.reportCommand(c.db, args);
    }
    case 'demo': {
      const m = await import('./commands/demo');
      const args = m.parseDemoArgs(argv);
      return (c) => m.demoCommand(c.db, args);
    }
    case 'job': {
      const m = await import('./commands/job');
      const args = m.parseJobArgs(argv);
      return (c) => m.jobCommand(c.db, args);
    }
    case 'settings': {
      const m = await import('./commands/settings');
      const args = m.parseSettingsArgs(argv);
      return (c) => m.settingsCommand(c.db, args);
    }
    case 'user': {
      const m = await import('./commands/user');
      const args = m.parseUserArgs(argv);
      return (c) => m.userCommand(c.db, args);
    }
    case 'token': {
      const m = await import('./commands/token');
      const args = m.parseTokenArgs(argv);
      return (c) => m.tokenCommand(c.db, args);
    }
    case 'request-removal': {
      const m = await import('./commands/requests');
      const args = m.parseRequestRemovalArgs(argv);
      return (c) => m.requestRemovalCommand(c.db, args);
    }
    case 'hold': {
      const m = await import('./commands/requests');
      const args = m.parseHoldArgs(argv);
      return (c) => m.holdCommand(c.db, args);
    }
    case 'forecast': {
      const m = await import('./commands/forecast');
      const args = m.parseForecastArgs(argv);
      return (c) => m.forecastCommand(c.db, args);
    }
    case 'select': {
      const m = await import('./commands/select');
      const args = m.parseSelectArgs(argv);
      return (c) => m.selectCommand(c.db, args);
    }
    case 'statement': {
      const m = await import('./commands/statement');
      const args = m.parseStatementArgs(argv);
      return (c) => m.statementCommand(c.db, args);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return 'help';
    default:
      throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'db') {
    if (rest[0] !== 'stop' || rest.length !== 1) throw new UsageError('usage: retention db stop');
    const stopped = await stopEmbeddedPostgres(getDataDir());
    process.stdout.write(stopped ? 'embedded PostgreSQL stopped\n' : 'no embedded PostgreSQL runs for this DATA_DIR\n');
    return EXIT.ok;
  }
  const prepared = await prepare(command, rest);
  if (prepared === 'help') {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const conn = await connect({ applicationName: `retention-cli-${command}`, log: (m) => process.stderr.write(`${m}\n`) });
  try {
    return (await prepared(conn)) ?? EXIT.ok;
  } finally {
    await conn.close();
  }
}

// A closed pipe (`… | head`) ends the command quietly instead of with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`retention: ${error.message}\n`);
      process.exitCode = EXIT.badInput;
    } else if (error instanceof CannotRunNowError) {
      process.stderr.write(`retention: ${error.message}\n`);
      process.exitCode = EXIT.cannotRunNow;
    } else {
      process.stderr.write(`retention: ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = EXIT.failure;
    }
  },
);
