import { describe, expect, it } from 'vitest';
import { auditedChange } from '../../electron/main/core/audit/audit.repository';

const letter = { id: 'L1', subject: 'درخواست', body: 'متن نامه '.repeat(100), referrals: [] as string[] };

describe('what an audit row keeps of a change', () => {
  it('keeps the whole record of a creation and of a removal', () => {
    expect(auditedChange(null, letter)).toEqual({
      before: null,
      after: JSON.stringify(letter, Object.keys(letter).sort()),
    });
    expect(JSON.parse(auditedChange(letter, null).before!)).toEqual(letter);
    expect(auditedChange(letter, null).after).toBeNull();
  });

  it('keeps only the changed fields of an update, on both sides', () => {
    const referred = { ...letter, referrals: ['U2'], closedAt: '2026-01-01' };
    const kept = auditedChange(letter, referred);
    expect(JSON.parse(kept.before!)).toEqual({ referrals: [], closedAt: null });
    expect(JSON.parse(kept.after!)).toEqual({ referrals: ['U2'], closedAt: '2026-01-01' });
    expect(kept.after!.length).toBeLessThan(100);
  });

  it('keeps a before and after that are not two versions of one record as given', () => {
    const moved = auditedChange({ clauseKey: 'k', position: 1 }, { clauseKey: 'k', position: 2 });
    expect(JSON.parse(moved.before!)).toEqual({ clauseKey: 'k', position: 1 });
    const other = auditedChange({ id: 'A', x: 1 }, { id: 'B', x: 1 });
    expect(JSON.parse(other.after!)).toEqual({ id: 'B', x: 1 });
  });
});
