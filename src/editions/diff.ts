import { frameworkProblem, throwIfAny } from '../errors/args.js';
/**
 * What changed between two editions of a framework, found by comparing them, and checked against
 * what the newer one declares in `changes`.
 *
 * ```text
 *  old Framework ─┐                      ┌─ periods, stages (added, removed, weight)
 *                 ├─ diffFrameworks ─────┼─ aggregates (added, removed, moved, weight, re-worded)
 *  new Framework ─┘        │             └─ indicators (added, retired, re-worded, re-scored,
 *                          │                 weight, stage, moved, scored), settings
 *                          └─ new.changes (since old.edition) vs found: undeclared / not found
 * ```
 */
import { createIssue, type Issue } from '../errors/issue.js';
import type { Framework } from '../framework/schema/framework.js';
import type { Indicator } from '../framework/schema/indicator.js';
import type { FrameworkNode } from '../framework/schema/node.js';
import { indicatorsOf, isScoredIndicator, nodesOf } from '../framework/validate/walk.js';
import { resolveText } from '../text/resolve.js';
import type { Text } from '../text/text.js';
import { inEdition } from './check.js';

/**
 * The kinds of change {@link diffFrameworks} finds.
 *
 * @example
 * ```ts
 * const kind: EditionChangeKind = 'indicator-rescored';
 * ```
 */
export type EditionChangeKind =
  | 'period-added'
  | 'period-removed'
  | 'stage-added'
  | 'stage-removed'
  | 'stage-weight'
  | 'dimension-added'
  | 'dimension-removed'
  | 'dimension-moved'
  | 'dimension-weight'
  | 'dimension-reworded'
  | 'indicator-added'
  | 'indicator-retired'
  | 'indicator-reworded'
  | 'indicator-rescored'
  | 'indicator-weight'
  | 'indicator-stage'
  | 'indicator-moved'
  | 'indicator-scored'
  | 'setting';

/**
 * One difference at a path inside the compared objects.
 *
 * @example
 * ```ts
 * const field: FieldChange = { path: 'question.bg', from: undefined, to: 'Могат ли…?' };
 * ```
 */
export interface FieldChange {
  /** Where, such as `question.bg` or `rule.options[1].score`. */
  path: string;
  from: unknown;
  to: unknown;
}

/**
 * One change between two editions.
 *
 * @example
 * ```ts
 * const change: EditionChange = {
 *   kind: 'indicator-rescored', id: 'hea_pf_interpretation', title: 'Interpreting in health care',
 *   fields: [{ path: 'rule.options[1].score', from: 25, to: 50 }], declared: 'replace',
 * };
 * ```
 */
export interface EditionChange {
  kind: EditionChangeKind;
  /** The period, stage, aggregate, indicator or setting that changed. */
  id: string;
  /** Its title in the framework's default language (the newer edition's when it has one). */
  title: string;
  /** The aggregate holding an indicator (in the newer edition, or the older for retired ones). */
  parent?: string;
  /** What exactly differs. */
  fields?: FieldChange[];
  /** For re-scored indicators: how the newer edition says old periods compare. */
  declared?: 'same' | 'replace' | 'omit';
}

/**
 * What {@link diffFrameworks} returns: both editions, every change in framework order, and the
 * issues of checking the newer edition's `changes` against them (warnings).
 *
 * @example
 * ```ts
 * const d: FrameworkDiff = diffFrameworks(niem2019, niem2021);
 * d.changes.length; //=> 22
 * ```
 */
export interface FrameworkDiff {
  old: { id: string; edition: string; version: string };
  new: { id: string; edition: string; version: string };
  changes: EditionChange[];
  /** `EDITION_UNDECLARED_CHANGE`, `EDITION_DECLARED_NOT_FOUND`, `EDITION_OTHER_FRAMEWORK`. */
  issues: Issue[];
}

/** Keys whose values are human-readable text rather than scoring. */
const textKeys = new Set(['title', 'description', 'question', 'notes', 'label', 'labels', 'unit']);
/** Keys that neither score nor speak: citations and bookkeeping. */
const ignoredKeys = new Set(['sources', 'basis', 'aliases', '$schema']);

function isText(value: unknown): value is Text {
  return (
    typeof value === 'string' ||
    (typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === 'string'))
  );
}

/** A text as a language map, so that `"Housing"` equals `{ en: "Housing" }` in an `en` framework. */
function asMap(text: Text, lang: string): Record<string, string> {
  return typeof text === 'string' ? { [lang]: text } : text;
}

/**
 * Splits a value into its wording (text keys, per language) and its scoring (everything else),
 * both as flat `path → leaf` maps.
 */
function flatten(
  value: unknown,
  lang: string,
  path: string,
  words: Map<string, unknown>,
  scoring: Map<string, unknown>,
  inText = false,
): void {
  if (Array.isArray(value)) {
    if (value.length === 0) (inText ? words : scoring).set(path, '[]');
    value.forEach((v, i) => {
      flatten(v, lang, `${path}[${i}]`, words, scoring, inText);
    });
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (ignoredKeys.has(key) || v === undefined) continue;
      const at = path ? `${path}.${key}` : key;
      if (textKeys.has(key) && isText(v)) {
        for (const [l, s] of Object.entries(asMap(v, lang))) words.set(`${at}.${l}`, s);
      } else if (key === 'labels' && typeof v === 'object' && v !== null) {
        flatten(v, lang, at, words, scoring, true);
      } else if (inText && isText(v)) {
        for (const [l, s] of Object.entries(asMap(v, lang))) words.set(`${at}.${l}`, s);
      } else {
        flatten(v, lang, at, words, scoring, inText);
      }
    }
    return;
  }
  (inText ? words : scoring).set(path, value);
}

function compareMaps(a: Map<string, unknown>, b: Map<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [path, from] of a) {
    const to = b.has(path) ? b.get(path) : undefined;
    if (!Object.is(from, to)) out.push({ path, from, to });
  }
  for (const [path, to] of b) if (!a.has(path)) out.push({ path, from: undefined, to });
  return out;
}

/** The wording and scoring differences of two indicators (weight, stage, parent apart). */
function indicatorFields(
  a: Indicator,
  b: Indicator,
  langA: string,
  langB: string,
): { words: FieldChange[]; scoring: FieldChange[] } {
  const pick = (i: Indicator) => ({
    title: i.title,
    question: i.question,
    notes: i.notes,
    rule: i.rule,
    subquestions: i.subquestions,
  });
  const wa = new Map<string, unknown>();
  const sa = new Map<string, unknown>();
  const wb = new Map<string, unknown>();
  const sb = new Map<string, unknown>();
  flatten(pick(a), langA, '', wa, sa);
  flatten(pick(b), langB, '', wb, sb);
  return { words: compareMaps(wa, wb), scoring: compareMaps(sa, sb) };
}

interface NodeEntry {
  node: FrameworkNode | NonNullable<Framework['groups']>[number];
  parent: string | null;
}

function aggregates(framework: Framework): Map<string, NodeEntry> {
  const out = new Map<string, NodeEntry>();
  for (const g of framework.groups ?? []) out.set(g.id, { node: g, parent: g.parent ?? null });
  const holder = new Map<FrameworkNode, string>();
  for (const { node } of nodesOf(framework)) {
    for (const c of node.children ?? []) holder.set(c, node.id);
  }
  for (const { node } of nodesOf(framework)) {
    out.set(node.id, { node, parent: node.parent ?? holder.get(node) ?? null });
  }
  return out;
}

interface IndicatorEntry {
  indicator: Indicator;
  parent: string;
}

function indicators(framework: Framework): Map<string, IndicatorEntry> {
  const out = new Map<string, IndicatorEntry>();
  for (const { indicator, node } of indicatorsOf(framework)) {
    if (inEdition(indicator, framework.edition))
      out.set(indicator.id, { indicator, parent: node.id });
  }
  return out;
}

/**
 * Lists every change between two editions of a framework: periods and stages added or removed,
 * stage weights; aggregates (dimensions, groups) added, removed, moved to another parent,
 * re-weighted or re-worded; indicators added, retired, re-worded (any title, question, note or
 * option label, in any language), re-scored (anything in the rule or sub-questions that is not
 * wording), re-weighted, moved to another stage or dimension, or scored/unscored; and changed
 * scale, aggregation and missing-data settings. Indicators whose `editions` leave out their
 * framework's edition do not count as part of it. When the newer edition declares `changes` since
 * the older one, each declared id is checked against what was found, both ways (warnings).
 *
 * @example
 * ```ts
 * const d = diffFrameworks(niem2019, niem2021);
 * d.changes.filter((c) => c.kind === 'indicator-added').map((c) => c.id); //=> ['mai_out_...', ...]
 * d.issues; //=> [] when the declared changes match the folders
 * ```
 */
export function diffFrameworks(older: Framework, newer: Framework): FrameworkDiff {
  throwIfAny(
    frameworkProblem('diffFrameworks', 'older', older),
    frameworkProblem('diffFrameworks', 'newer', newer),
  );
  const changes: EditionChange[] = [];
  const la = older.language;
  const lb = newer.language;
  const title = (t: Text | undefined, lang: string, fallback: string): string =>
    t === undefined ? fallback : resolveText(t, lang, lang).text;

  // Periods and stages.
  const pa = new Map(older.periods.map((p) => [p.id, p]));
  const pb = new Map(newer.periods.map((p) => [p.id, p]));
  for (const [id, p] of pb) {
    if (!pa.has(id)) changes.push({ kind: 'period-added', id, title: title(p.title, lb, id) });
  }
  for (const [id, p] of pa) {
    if (!pb.has(id)) changes.push({ kind: 'period-removed', id, title: title(p.title, la, id) });
  }
  const sa = new Map((older.stages ?? []).map((s) => [s.id, s]));
  const sb = new Map((newer.stages ?? []).map((s) => [s.id, s]));
  for (const [id, s] of sb) {
    const before = sa.get(id);
    if (!before) changes.push({ kind: 'stage-added', id, title: title(s.title, lb, id) });
    else if (before.weight !== s.weight) {
      changes.push({
        kind: 'stage-weight',
        id,
        title: title(s.title, lb, id),
        fields: [{ path: 'weight', from: before.weight, to: s.weight }],
      });
    }
  }
  for (const [id, s] of sa) {
    if (!sb.has(id)) changes.push({ kind: 'stage-removed', id, title: title(s.title, la, id) });
  }

  // Aggregates: dimensions and groups.
  const na = aggregates(older);
  const nb = aggregates(newer);
  for (const [id, { node, parent }] of nb) {
    const t = title(node.title, lb, id);
    const before = na.get(id);
    if (!before) {
      changes.push({ kind: 'dimension-added', id, title: t, ...(parent ? { parent } : {}) });
      continue;
    }
    if (before.parent !== parent) {
      changes.push({
        kind: 'dimension-moved',
        id,
        title: t,
        fields: [{ path: 'parent', from: before.parent, to: parent }],
      });
    }
    if (before.node.weight !== node.weight) {
      changes.push({
        kind: 'dimension-weight',
        id,
        title: t,
        fields: [{ path: 'weight', from: before.node.weight, to: node.weight }],
      });
    }
    const wa = new Map<string, unknown>();
    const wb = new Map<string, unknown>();
    const ignore = new Map<string, unknown>();
    flatten({ title: before.node.title, description: before.node.description }, la, '', wa, ignore);
    flatten({ title: node.title, description: node.description }, lb, '', wb, ignore);
    const words = compareMaps(wa, wb);
    if (words.length > 0) changes.push({ kind: 'dimension-reworded', id, title: t, fields: words });
  }
  for (const [id, { node, parent }] of na) {
    if (!nb.has(id)) {
      changes.push({
        kind: 'dimension-removed',
        id,
        title: title(node.title, la, id),
        ...(parent ? { parent } : {}),
      });
    }
  }

  // Indicators.
  const ia = indicators(older);
  const ib = indicators(newer);
  const declaredRescore = new Map((newer.changes?.rescored ?? []).map((r) => [r.id, r.compare]));
  for (const [id, { indicator, parent }] of ib) {
    const t = title(indicator.title, lb, id);
    const before = ia.get(id);
    if (!before) {
      changes.push({ kind: 'indicator-added', id, title: t, parent });
      continue;
    }
    const { words, scoring } = indicatorFields(before.indicator, indicator, la, lb);
    if (words.length > 0) {
      changes.push({ kind: 'indicator-reworded', id, title: t, parent, fields: words });
    }
    if (scoring.length > 0) {
      const declared = declaredRescore.get(id);
      changes.push({
        kind: 'indicator-rescored',
        id,
        title: t,
        parent,
        fields: scoring,
        ...(declared ? { declared } : {}),
      });
    }
    const one = (kind: EditionChangeKind, path: string, from: unknown, to: unknown): void => {
      if (!Object.is(from, to)) {
        changes.push({ kind, id, title: t, parent, fields: [{ path, from, to }] });
      }
    };
    one('indicator-weight', 'weight', before.indicator.weight, indicator.weight);
    one('indicator-stage', 'stage', before.indicator.stage ?? null, indicator.stage ?? null);
    one('indicator-moved', 'parent', before.parent, parent);
    one(
      'indicator-scored',
      'scored',
      isScoredIndicator(before.indicator),
      isScoredIndicator(indicator),
    );
  }
  for (const [id, { indicator, parent }] of ia) {
    if (!ib.has(id)) {
      changes.push({
        kind: 'indicator-retired',
        id,
        title: title(indicator.title, la, id),
        parent,
      });
    }
  }

  // Framework-wide settings that change scores.
  const settings = (f: Framework) => ({
    scale: f.scale,
    aggregation: f.aggregation,
    missing: f.missing,
    overall: f.overall?.aggregation,
  });
  const ma = new Map<string, unknown>();
  const mb = new Map<string, unknown>();
  const none = new Map<string, unknown>();
  flatten(settings(older), la, '', none, ma);
  flatten(settings(newer), lb, '', none, mb);
  for (const field of compareMaps(ma, mb)) {
    changes.push({ kind: 'setting', id: field.path, title: field.path, fields: [field] });
  }

  return {
    old: { id: older.id, edition: older.edition, version: older.version },
    new: { id: newer.id, edition: newer.edition, version: newer.version },
    changes,
    issues: declaredIssues(older, newer, changes),
  };
}

/** Checks the newer edition's declared `changes` against the changes found, both ways. */
function declaredIssues(older: Framework, newer: Framework, changes: EditionChange[]): Issue[] {
  const issues: Issue[] = [];
  if (older.id !== newer.id) {
    issues.push(
      createIssue(
        'EDITION_OTHER_FRAMEWORK',
        { old: older.id, new: newer.id },
        { severity: 'warning' },
      ),
    );
  }
  const declared = newer.changes;
  if (!declared || declared.since !== older.edition) return issues;
  const since = older.edition;
  const lists: [EditionChangeKind, string, readonly string[], string][] = [
    ['indicator-added', 'added', declared.added ?? [], 'added'],
    ['indicator-retired', 'retired', declared.retired ?? [], 'retired'],
    ['indicator-reworded', 'reworded', declared.reworded ?? [], 're-worded'],
    ['indicator-rescored', 'rescored', (declared.rescored ?? []).map((r) => r.id), 're-scored'],
  ];
  for (const [kind, key, ids, words] of lists) {
    const found = new Set(changes.filter((c) => c.kind === kind).map((c) => c.id));
    ids.forEach((id, i) => {
      if (!found.has(id)) {
        issues.push(
          createIssue(
            'EDITION_DECLARED_NOT_FOUND',
            { id, change: words, since },
            {
              severity: 'warning',
              path: key === 'rescored' ? ['changes', key, i, 'id'] : ['changes', key, i],
            },
          ),
        );
      }
    });
    const listed = new Set(ids);
    for (const id of found) {
      if (!listed.has(id)) {
        issues.push(
          createIssue(
            'EDITION_UNDECLARED_CHANGE',
            { id, change: words, since },
            { severity: 'warning', path: ['changes'] },
          ),
        );
      }
    }
  }
  return issues;
}
