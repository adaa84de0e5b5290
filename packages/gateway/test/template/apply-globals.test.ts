import { describe, expect, it } from 'vitest';
import { applyGlobals } from '../../src/template/apply-globals';

describe('applyGlobals', () => {
  it("merges maps, concatenates lists, and lets the resource's scalars and intrinsics win", () => {
    // Prepare
    const globals = {
      Timeout: 3,
      Layers: ['global'],
      Environment: { Variables: { A: 'global', B: 'global' } },
      CodeUri: { Ref: 'Code' },
    };

    // Act
    const merged = applyGlobals(
      { Timeout: 10, Layers: ['own'], Environment: { Variables: { B: 'own' } }, CodeUri: 'src' },
      globals,
    );

    // Assess
    expect(merged).toEqual({
      Timeout: 10,
      Layers: ['global', 'own'],
      Environment: { Variables: { A: 'global', B: 'own' } },
      CodeUri: 'src',
    });
  });
});
