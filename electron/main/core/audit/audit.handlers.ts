import { defineHandlers } from '../registrar';
import { listAudit, verifyAudit } from './audit.repository';
import type { AuditRow } from './audit.table';

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

function toEntry(row: AuditRow) {
  return {
    seq: row.seq,
    tsUtc: row.ts_utc,
    actor: row.actor,
    workstation: row.workstation,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: parseJson(row.before),
    after: parseJson(row.after),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export const auditHandlers = defineHandlers({
  'audit.list': async (ctx, input) => {
    const { rows, total } = await listAudit(ctx.tx, input);
    return { items: rows.map(toEntry), total };
  },
  'audit.verify': async (ctx) => verifyAudit(ctx.tx),
});
