/**
 * Salvage: when a file fails the schema, its errors are already reported; to still run the
 * meaning checks over the rest, the invalid parts are cut away until the schema passes. Unknown
 * keys and invalid optional values are dropped (defaults apply); anything else takes its
 * nearest list element with it (the indicator, option or band that holds the error); a few
 * top-level texts that no check reads get a placeholder. Paths found in the salvaged value map
 * back to the file with {@link Salvage.toOriginal}.
 */
import type { z } from 'zod';
import { isOptionalAt } from './zod-issues.js';

type Path = (string | number)[];

/** A salvaged value, the ids of what was cut away, and the way back to original paths. */
export interface Salvage<T> {
  value: T;
  /** Every `id` inside a cut-away element: checks naming them may be false alarms. */
  removedIds: Set<string>;
  /** Whether anything was cut away. */
  pruned: boolean;
  /** Maps a path in the salvaged value to the same place in the original document. */
  toOriginal(path: readonly (string | number)[]): Path;
}

/** Top-level fields no meaning check reads: an invalid one is replaced, not fatal. */
const placeholders: Readonly<Record<string, unknown>> = {
  title: '-',
  edition: '-',
  version: '0.0.0',
  description: '-',
};

/**
 * Adds every string `id` anywhere in a value to `out`.
 *
 * @example
 * ```ts
 * const ids = new Set<string>(); idsIn({ id: 'a', children: [{ id: 'b' }] }, ids); // ids: a, b
 * ```
 */
export function idsIn(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) idsIn(v, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') out.add(v);
      else idsIn(v, out);
    }
  }
}

/** A deep copy of plain data where every array remembers its elements' original indices. */
function copyWithIndices(value: unknown, origin: WeakMap<unknown[], number[]>): unknown {
  if (Array.isArray(value)) {
    const copy = value.map((v) => copyWithIndices(v, origin));
    origin.set(
      copy,
      value.map((_, i) => i),
    );
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = copyWithIndices(v, origin);
    return copy;
  }
  return value;
}

function at(data: unknown, path: readonly (string | number)[]): unknown {
  let d = data;
  for (const seg of path) {
    if (typeof d !== 'object' || d === null) return undefined;
    d = (d as Record<string | number, unknown>)[seg];
  }
  return d;
}

/**
 * Cuts the invalid parts out of `data` until `schema` accepts it; `undefined` when even that
 * fails (an invalid id, say, or no period left).
 *
 * @example
 * ```ts
 * const s = salvage(dimensionFileSchema, { id: 'd', title: 'D', indicators: [{ id: 'a' }, good] });
 * s?.value.indicators?.length;              //=> 1
 * s?.toOriginal(['indicators', 0, 'id']);   //=> ['indicators', 1, 'id']
 * ```
 */
export function salvage<S extends z.ZodType>(
  schema: S,
  data: unknown,
): Salvage<z.infer<S>> | undefined {
  const origin = new WeakMap<unknown[], number[]>();
  const current = copyWithIndices(data, origin);
  const removedIds = new Set<string>();
  let pruned = false;
  for (let round = 0; round < 50; round++) {
    const r = schema.safeParse(current);
    if (r.success) {
      const toOriginal = (path: readonly (string | number)[]): Path => {
        const out: Path = [];
        let d: unknown = current;
        for (const seg of path) {
          if (Array.isArray(d) && typeof seg === 'number') {
            out.push(origin.get(d)?.[seg] ?? seg);
          } else {
            out.push(seg);
          }
          d =
            typeof d === 'object' && d !== null
              ? (d as Record<string | number, unknown>)[seg]
              : undefined;
        }
        return out;
      };
      return { value: r.data, removedIds, pruned, toOriginal };
    }
    const removals = new Map<unknown[], Set<number>>();
    let changed = false;
    for (const issue of r.error.issues) {
      const path = issue.path as Path;
      if (issue.code === 'unrecognized_keys') {
        const holder = at(current, path);
        if (typeof holder === 'object' && holder !== null) {
          for (const key of issue.keys) delete (holder as Record<string, unknown>)[key];
          changed = true;
        }
        continue;
      }
      // Walk up from the error to the first thing that can go.
      let handled = false;
      for (let depth = path.length; depth > 0 && !handled; depth--) {
        const p = path.slice(0, depth);
        const seg = p[p.length - 1];
        const parent = at(current, p.slice(0, -1));
        if (Array.isArray(parent) && typeof seg === 'number') {
          const set = removals.get(parent) ?? new Set<number>();
          set.add(seg);
          removals.set(parent, set);
          handled = true;
        } else if (
          typeof seg === 'string' &&
          typeof parent === 'object' &&
          parent !== null &&
          seg in parent &&
          isOptionalAt(schema, current, p)
        ) {
          delete (parent as Record<string, unknown>)[seg];
          handled = true;
        } else if (depth === 1 && typeof seg === 'string' && seg in placeholders) {
          (current as Record<string, unknown>)[seg] = placeholders[seg];
          handled = true;
        }
      }
      if (!handled) return undefined;
      changed = true;
    }
    for (const [list, indices] of removals) {
      const kept = origin.get(list) ?? list.map((_, i) => i);
      const keep = list.map((_, i) => !indices.has(i));
      for (const [i, v] of list.entries()) if (!keep[i]) idsIn(v, removedIds);
      const survivors = list.filter((_, i) => keep[i]);
      const survivorIdx = kept.filter((_, i) => keep[i]);
      list.length = 0;
      list.push(...survivors);
      origin.set(list, survivorIdx);
      pruned = true;
    }
    if (!changed) return undefined;
  }
  return undefined;
}
