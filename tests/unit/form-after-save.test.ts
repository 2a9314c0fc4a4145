import { describe, expect, it } from 'vitest';
import { afterSave } from '../../src/renderer/src/ui/form/after-save';

describe('a form after its save', () => {
  const initial = { ownerId: '', outcome: '', dueDate: '2026-11-23' };
  const submitted = { ownerId: 'ana', outcome: 'Runbook has the hotfix lane', dueDate: '2026-11-23' };

  it('clears a submitted value nobody touched since', () => {
    expect(afterSave(submitted, submitted, initial, ['outcome'])).toEqual({ ...submitted, outcome: '' });
  });

  it('keeps what was typed while the save was in flight', () => {
    const typed = { ...submitted, outcome: 'Pricing read-out' };
    expect(afterSave(typed, submitted, initial, ['outcome'])).toEqual(typed);
  });

  it('keeps a value typed back to the same text as submitted only if it is that text; other fields are left alone', () => {
    const changedOwner = { ...submitted, ownerId: 'ben' };
    expect(afterSave(changedOwner, submitted, initial, ['outcome', 'ownerId'])).toEqual({
      ...initial,
      ownerId: 'ben',
      dueDate: '2026-11-23',
    });
    expect(afterSave(changedOwner, submitted, initial, [])).toEqual(changedOwner);
  });
});
