import { describe, expect, it } from 'vitest';
import { type FrameworkInput, frameworkSchema } from '../schema/framework.js';
import { indicatorsOf, nodesOf } from './walk.js';

const rule = { kind: 'boolean' } as const;
const input: FrameworkInput = {
  id: 'f',
  title: 'F',
  edition: '1',
  version: '1.0.0',
  periods: [{ id: '2020', referenceDate: '2020-01-01' }],
  groups: [
    { id: 'top', title: 'Top', scored: false },
    { id: 'inner', title: 'Inner', parent: 'top' },
    { id: 'open', title: 'Open' },
  ],
  dimensions: [
    { id: 'a', title: 'A', parent: 'inner', indicators: [{ id: 'a1', title: 'A1', rule }] },
    {
      id: 'b',
      title: 'B',
      parent: 'open',
      indicators: [
        { id: 'b1', title: 'B1', rule },
        { id: 'b2', title: 'B2', type: 'outcome', rule: { kind: 'numeric' } },
      ],
      children: [
        { id: 'c', title: 'C', scored: false, indicators: [{ id: 'c1', title: 'C1', rule }] },
      ],
    },
  ],
};

describe('nodesOf / indicatorsOf', () => {
  const framework = frameworkSchema.parse(input);

  it('marks a node unscored when it, an ancestor, or a group above it is unscored', () => {
    const scored = Object.fromEntries(nodesOf(framework).map((v) => [v.node.id, v.scored]));
    expect(scored).toEqual({ a: false, b: true, c: false });
  });

  it('counts an indicator only when it is scored and every node above it is', () => {
    const counts = Object.fromEntries(
      indicatorsOf(framework).map((v) => [v.indicator.id, v.counts]),
    );
    expect(counts).toEqual({ a1: false, b1: true, b2: false, c1: false });
  });

  it('stops on a cycle of groups instead of looping', () => {
    const cyclic = frameworkSchema.parse({
      ...input,
      groups: [
        { id: 'x', title: 'X', parent: 'y' },
        { id: 'y', title: 'Y', parent: 'x' },
      ],
      dimensions: [
        { id: 'a', title: 'A', parent: 'x', indicators: [{ id: 'a1', title: 'A1', rule }] },
      ],
    });
    expect(nodesOf(cyclic).map((v) => v.scored)).toEqual([true]);
  });
});
