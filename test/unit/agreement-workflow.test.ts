import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_TRANSITIONS,
  canTransition,
  effectiveStatus,
  isClosed,
  isTextEditable,
  transitionProblem,
  type AgreementStatus,
} from '../../shared/agreements/workflow';

const signed = { signedDate: '2025-04-01' };

describe('the agreement workflow table', () => {
  it('allows exactly the statutory path, its rework steps and the two endings', () => {
    const allowed = AGREEMENT_STATUSES.flatMap((from) =>
      AGREEMENT_TRANSITIONS[from].map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'draft→internal_review',
        'internal_review→legal_review',
        'internal_review→draft',
        'legal_review→awaiting_approvals',
        'legal_review→internal_review',
        'legal_review→draft',
        'awaiting_approvals→approved',
        'awaiting_approvals→draft',
        'approved→signed',
        'approved→draft',
        'signed→in_force',
        'signed→terminated',
        'in_force→expired',
        'in_force→terminated',
      ].sort(),
    );
  });

  it('lists only known statuses and never a step to itself', () => {
    for (const from of AGREEMENT_STATUSES) {
      for (const to of AGREEMENT_TRANSITIONS[from]) {
        expect(AGREEMENT_STATUSES).toContain(to);
        expect(to).not.toBe(from);
      }
    }
  });

  it('reaches in force from draft along the forward path', () => {
    const path: AgreementStatus[] = [
      'draft',
      'internal_review',
      'legal_review',
      'awaiting_approvals',
      'approved',
      'signed',
      'in_force',
    ];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('refuses every step out of draft except internal review, with a sentence naming the way on', () => {
    for (const to of AGREEMENT_STATUSES) {
      const problem = transitionProblem('draft', to, signed);
      if (to === 'internal_review') expect(problem).toBeNull();
      else expect(problem).toMatch(to === 'draft' ? /already draft/ : /can go only to internal review/);
    }
  });

  it('says that a closed agreement cannot change any more', () => {
    expect(transitionProblem('terminated', 'in_force', signed)).toMatch(/cannot change any more/);
    expect(transitionProblem('expired', 'in_force', signed)).toMatch(/cannot change any more/);
  });

  it('needs the signing date before signed and in force', () => {
    expect(transitionProblem('approved', 'signed', { signedDate: null })).toMatch(/date of signing/);
    expect(transitionProblem('signed', 'in_force', { signedDate: null })).toMatch(/date of signing/);
    expect(transitionProblem('approved', 'signed', signed)).toBeNull();
  });

  it('edits the text only in draft and nothing once closed', () => {
    expect(AGREEMENT_STATUSES.filter(isTextEditable)).toEqual(['draft']);
    expect(AGREEMENT_STATUSES.filter(isClosed)).toEqual(['expired', 'terminated']);
  });
});

describe('the status the user sees', () => {
  it('reads an in-force agreement as expired from the day after its expiry date', () => {
    expect(effectiveStatus('in_force', '2026-03-20', '2026-03-20')).toBe('in_force');
    expect(effectiveStatus('in_force', '2026-03-20', '2026-03-21')).toBe('expired');
    expect(effectiveStatus('in_force', null, '2099-01-01')).toBe('in_force');
  });

  it('leaves every other status alone, whatever the dates', () => {
    for (const status of AGREEMENT_STATUSES.filter((s) => s !== 'in_force')) {
      expect(effectiveStatus(status, '2020-01-01', '2026-01-01')).toBe(status);
    }
  });
});
