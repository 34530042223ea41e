import { invalidArgument, isRecord, optionsProblem, throwIfAny } from '../../errors/args.js';
import { localeFormat } from '../../text/locale.js';
import { uiWords } from '../../text/ui.js';
import { formatScore } from '../result/round.js';
import type { ExplainedNode } from './index.js';

/** Options of {@link renderExplanation}. */
export interface RenderOptions {
  /** Decimals of printed scores (rounded half away from zero); default 1. */
  decimals?: number;
  /** The language of the words around the scores (English or Bulgarian) and of numbers and dates. */
  lang?: string | undefined;
}

/**
 * Renders an explanation tree for a terminal: one line per node with its score, rank, weight
 * share and contribution, coverage for aggregates, and for indicators the answer, option,
 * source, comment and file position.
 *
 * @example
 * ```ts
 * console.log(renderExplanation(explain(result, { unit: 'XA', period: '2019', node: 'residency' })));
 * // residency  Residency  81.3  rank 1 of 2  (answered 4 of 4)
 * // ├─ residency@law  Residency  75.0  × 0.50 = 37.5
 * // ...
 * ```
 */
export function renderExplanation(tree: ExplainedNode, options: RenderOptions = {}): string {
  throwIfAny(
    isRecord(tree) && typeof tree.id === 'string' && Array.isArray(tree.children)
      ? undefined
      : invalidArgument('renderExplanation', 'tree', 'an explanation from explain', tree),
    optionsProblem('renderExplanation', 'options', options, {
      decimals: 'number',
      lang: 'string',
    }),
  );
  const d = options.decimals ?? 1;
  const w = uiWords(options.lang);
  const loc = localeFormat(options.lang ?? 'en');
  const score = (v: number, decimals: number): string => loc.number(formatScore(v, decimals));
  const lines: string[] = [];
  const describe = (n: ExplainedNode): string => {
    const parts = [n.id];
    if (n.title && n.title !== n.id) parts.push(n.title);
    if (n.value !== null) parts.push(`${w.value} ${loc.number(String(n.value))}`);
    else
      parts.push(
        n.score === null
          ? `— (${n.reason === null ? w.noScore : (w.reasons[n.reason] ?? n.reason)})`
          : score(n.score, d),
      );
    if (n.score !== null && n.reason === 'no-data') parts.push(w.scoredByPolicy);
    if (n.share !== null) {
      const share = `× ${score(n.share, 3)}`;
      parts.push(n.contribution !== null ? `${share} = ${score(n.contribution, d)}` : share);
    }
    if (n.rank !== null) parts.push(w.rankOf({ rank: String(n.rank), of: String(n.ranked) }));
    if (!n.scored) parts.push(`[${w.notScored}]`);
    if (n.coverage) {
      parts.push(
        `(${w.answeredOf({ answered: String(n.coverage.answered), expected: String(n.coverage.expected) })}` +
          (n.coverage.notApplicable > 0
            ? `, ${w.notApplicableCount({ count: String(n.coverage.notApplicable) })}`
            : '') +
          (n.method && n.method !== 'amean' ? `; ${n.method}` : '') +
          ')',
      );
    }
    return parts.join('  ');
  };
  const answerLines = (n: ExplainedNode): string[] => {
    const out: string[] = [];
    if (n.rule !== null) {
      const a = n.answer;
      const rule = w.rule({ kind: n.rule });
      if (a === null) {
        if (n.children.length === 0) out.push(`${rule} · ${w.noAnswer}`);
        else out.push(rule);
      } else {
        const option = a.label !== null && a.label !== String(a.answer) ? ` → ${a.label}` : '';
        out.push(
          `${rule} · ${w.answer} "${String(a.answer ?? '')}"${option} · ${a.file}:${a.line}`,
        );
        if (a.validFrom !== null || a.validTo !== null) {
          out.push(
            w.inForce({
              from: a.validFrom === null ? '…' : loc.date(a.validFrom),
              to: a.validTo === null ? '…' : loc.date(a.validTo),
            }),
          );
        }
        if (a.expert !== null || a.status !== null) {
          const by = a.expert === null ? '' : w.answeredBy({ expert: a.expert });
          const state =
            a.status === null ? '' : w.status({ status: w.statuses[a.status] ?? a.status });
          const review =
            a.reviewer === null
              ? ''
              : w.reviewedBy({
                  reviewer: a.reviewer,
                  ...(a.reviewedOn === null ? {} : { on: loc.date(a.reviewedOn) }),
                });
          out.push([by, state, review].filter((x) => x !== '').join(' · '));
        }
        if (a.source !== null) out.push(`${w.source}: ${a.source}`);
        if (a.comment !== null) out.push(`${w.comment}: ${a.comment.replace(/\s*\n\s*/g, ' ')}`);
      }
    }
    return out;
  };
  const walk = (n: ExplainedNode, prefix: string, childPrefix: string): void => {
    lines.push(`${prefix}${describe(n)}`);
    const notes = answerLines(n);
    const more = n.children.length > 0;
    for (const note of notes) lines.push(`${childPrefix}${more ? '│ ' : '  '} ${note}`);
    n.children.forEach((c, i) => {
      const last = i === n.children.length - 1;
      walk(c, `${childPrefix}${last ? '└─ ' : '├─ '}`, `${childPrefix}${last ? '   ' : '│  '}`);
    });
  };
  walk(tree, '', '');
  return lines.join('\n');
}
