/**
 * The light list of method names that the window's first screen reads (which sections to show)
 * is the contract's own list: the same names in the same order, none twice, so a method added to
 * or taken from the contract cannot show or hide a section by mistake.
 */
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES as CONTRACT_METHOD_NAMES, contract } from '../../shared/api/contract';
import { METHOD_NAMES } from '../../shared/api/method-names';

describe('the list of method names', () => {
  it('is exactly the contract’s methods, in the contract’s order', () => {
    expect([...METHOD_NAMES]).toEqual(CONTRACT_METHOD_NAMES);
    expect([...METHOD_NAMES]).toEqual(Object.keys(contract));
  });

  it('names each method once', () => {
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
  });
});
