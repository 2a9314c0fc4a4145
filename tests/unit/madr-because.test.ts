import { describe, expect, it } from 'vitest';
import { afterBecause } from '../../src/main/services/exports/because';

describe('a sentence continued after "because" in a MADR record', () => {
  it('loses the capital of an ordinary first word, and only that', () => {
    expect(afterBecause('Halving regression days frees a day.', [])).toBe('halving regression days frees a day.');
    expect(afterBecause('Écrire moins, tester plus', [])).toBe('écrire moins, tester plus');
  });

  it('keeps names, acronyms, "I", words with inner capitals and text that starts with no letter', () => {
    const names = ['Sam Lindqvist', 'Maya Okafor'];
    expect(afterBecause('Sam asked for it', names)).toBe('Sam asked for it');
    expect(afterBecause('Okafor owns billing', names)).toBe('Okafor owns billing');
    expect(afterBecause('CI is slow', names)).toBe('CI is slow');
    expect(afterBecause('I would rather wait', names)).toBe('I would rather wait');
    expect(afterBecause('GraphQL needs a schema', names)).toBe('GraphQL needs a schema');
    expect(afterBecause('2 incidents in a month', names)).toBe('2 incidents in a month');
    expect(afterBecause('', names)).toBe('');
  });
});
