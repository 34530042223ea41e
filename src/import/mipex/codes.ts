import type { Framework } from '../../framework/schema/framework.js';
import type { Indicator } from '../../framework/schema/indicator.js';
import type { FrameworkNode } from '../../framework/schema/node.js';
import type { LeafRule } from '../../rules/schema.js';

/**
 * Normalises a code as MIPEX's workbooks write it: trims stray spaces, drops a trailing
 * parenthesised list (`gc_new (128, 129, 133, 135)` → `gc_new`) and lower-cases it.
 *
 * @example
 * ```ts
 * normaliseMipexCode(' fb107 ');                     //=> 'fb107'
 * normaliseMipexCode('gc_new (128, 129, 133, 135)'); //=> 'gc_new'
 * ```
 */
export function normaliseMipexCode(code: string): string {
  return code
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim()
    .toLowerCase();
}

/**
 * What a MIPEX code names in a framework: a leaf to answer, a composite or an aggregate to
 * recompute, or an area whose average says the strand was scored.
 *
 * @example
 * ```ts
 * const target: MipexTarget = { kind: 'composite', address: 'bb28', area: 'b' };
 * ```
 */
export type MipexTarget =
  /** A leaf the importer writes an answer for: an indicator without sub-items, or a sub-item. */
  | { kind: 'leaf'; address: string; area: string; rule: LeafRule | Indicator['rule'] }
  /** A composite indicator, recomputed by the engine from its sub-items. */
  | { kind: 'composite'; address: string; area: string }
  /** An area (MIPEX strand): its average row tells the importer the strand was scored. */
  | { kind: 'area'; address: string; area: string }
  /** A dimension, the overall score or an extra aggregate: recomputed by the engine. */
  | { kind: 'aggregate'; address: string };

/**
 * Indexes every id and alias of a framework by its normalised code, so that a published code
 * (`aa1`), a readable alias (`lmm_immediate_access`) or a variant spelling declared as an
 * alias (`fb102_new`, `gc_new`) all resolve. Each top-level node of the framework is an area.
 *
 * @example
 * ```ts
 * const index = indexMipexCodes(framework);
 * index.get('bb28a'); //=> { kind: 'leaf', address: 'bb28.bb28a', area: 'b', rule: {...} }
 * ```
 */
export function indexMipexCodes(framework: Framework): Map<string, MipexTarget> {
  const index = new Map<string, MipexTarget>();
  const add = (names: readonly string[], target: MipexTarget) => {
    for (const name of names) {
      const key = normaliseMipexCode(name);
      if (!index.has(key)) index.set(key, target);
    }
  };
  const namesOf = (x: { id: string; aliases?: string[] | undefined }) => [
    x.id,
    ...(x.aliases ?? []),
  ];
  const visit = (node: FrameworkNode, area: string, top: boolean) => {
    add(
      namesOf(node),
      top ? { kind: 'area', address: node.id, area } : { kind: 'aggregate', address: node.id },
    );
    for (const indicator of node.indicators ?? []) {
      const subs = indicator.subquestions ?? [];
      if (subs.length === 0) {
        add(namesOf(indicator), {
          kind: 'leaf',
          address: indicator.id,
          area,
          rule: indicator.rule,
        });
        continue;
      }
      add(namesOf(indicator), { kind: 'composite', address: indicator.id, area });
      for (const sub of subs) {
        add(namesOf(sub), {
          kind: 'leaf',
          address: `${indicator.id}.${sub.id}`,
          area,
          rule: sub.rule,
        });
      }
    }
    for (const child of node.children ?? []) visit(child, area, false);
  };
  for (const node of framework.dimensions) visit(node, node.id, true);
  if (framework.overall)
    add([framework.overall.id], { kind: 'aggregate', address: framework.overall.id });
  for (const extra of framework.aggregates ?? []) {
    add(namesOf(extra), { kind: 'aggregate', address: extra.id });
  }
  return index;
}
