import { stopEmbeddedPostgres } from '../../db/embedded';
import { E2E_DATA_DIR } from './paths';

/** The embedded PostgreSQL runs detached from `npm start`: stop it so no server outlives the run. */
export default async function globalTeardown() {
  await stopEmbeddedPostgres(E2E_DATA_DIR).catch((e: unknown) => {
    console.error('[e2e] could not stop the embedded PostgreSQL of .data-e2e:', e);
  });
}
