import { APP_NAME } from '../../../../shared/product';
import { schemaVersion } from '../db/database';
import { integrityOf } from '../db/integrity-watch';
import { SQLITE_VERSION } from '../db/sqlite3-driver';
import { defineHandlers } from '../registrar';
import { findUserByUsername } from '../users/users.repository';
import { toUser } from '../users/users.service';

export const systemHandlers = defineHandlers({
  // The window talks to the upgrade port while the desk is updated; an open desk is not.
  'system.upgrade': async () => ({ upgrading: false, progress: null }),
  'system.info': async (ctx) => {
    const me = await findUserByUsername(ctx.tx, ctx.actor);
    return {
      appName: APP_NAME,
      appVersion: ctx.appVersion,
      schemaVersion: await schemaVersion(ctx.tx),
      sqliteVersion: SQLITE_VERSION,
      dataDir: ctx.paths.dataDir,
      databaseFile: ctx.paths.databaseFile,
      actor: ctx.actor,
      workstation: ctx.workstation,
      currentUser: me ? toUser(me) : null,
      now: ctx.nowIso,
      integrity: integrityOf(ctx.paths.databaseFile),
    };
  },
});
