import { formatScore } from '../result/round.js';
import type { ExplainedNode } from './index.js';

/** Options of {@link renderExplanation}. */
export interface RenderOptions {
  /** Decimals of printed scores (rounded half away from zero); default 1. */
  decimals?: number;
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
  const d = options.decimals ?? 1;
  const lines: string[] = [];
  const describe = (n: ExplainedNode): string => {
    const parts = [n.id];
    if (n.title && n.title !== n.id) parts.push(n.title);
    if (n.value !== null) parts.push(`value ${n.value}`);
    else parts.push(n.score === null ? `— (${n.reason ?? 'no score'})` : formatScore(n.score, d));
    if (n.score !== null && n.reason === 'no-data') parts.push('(no data: scored by policy)');
    if (n.share !== null) {
      const share = `× ${formatScore(n.share, 3)}`;
      parts.push(n.contribution !== null ? `${share} = ${formatScore(n.contribution, d)}` : share);
    }
    if (n.rank !== null) parts.push(`rank ${n.rank} of ${n.ranked}`);
    if (!n.scored) parts.push('[not scored]');
    if (n.coverage) {
      parts.push(
        `(answered ${n.coverage.answered} of ${n.coverage.expected}` +
          (n.coverage.notApplicable > 0 ? `, ${n.coverage.notApplicable} n/a` : '') +
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
      if (a === null) {
        if (n.children.length === 0) out.push(`${n.rule} rule · no answer`);
        else out.push(`${n.rule} rule`);
      } else {
        const option = a.label !== null && a.label !== String(a.answer) ? ` → ${a.label}` : '';
        out.push(
          `${n.rule} rule · answer "${String(a.answer ?? '')}"${option} · ${a.file}:${a.line}`,
        );
        if (a.validFrom !== null || a.validTo !== null) {
          out.push(`in force ${a.validFrom ?? '…'} to ${a.validTo ?? '…'}`);
        }
        if (a.expert !== null || a.status !== null) {
          const by = a.expert === null ? '' : `answered by ${a.expert}`;
          const state = a.status === null ? '' : `status ${a.status}`;
          const review =
            a.reviewer === null
              ? ''
              : `reviewed by ${a.reviewer}${a.reviewedOn === null ? '' : ` on ${a.reviewedOn}`}`;
          out.push([by, state, review].filter((x) => x !== '').join(' · '));
        }
        if (a.source !== null) out.push(`source: ${a.source}`);
        if (a.comment !== null) out.push(`comment: ${a.comment.replace(/\s*\n\s*/g, ' ')}`);
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
