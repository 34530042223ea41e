/**
 * The command line's own words (score tables, explanations), per language: English and
 * Bulgarian, English for other languages. Framework texts come from the framework; the report's
 * words are in `report/html/labels.ts`.
 */

const en = {
  total: 'Total',
  rank: 'Rank',
  stage: 'Stage',
  unit: 'unit',
  period: 'period',
  notScored: 'not scored',
  rankOf: (p: { rank: string; of: string }) => `rank ${p.rank} of ${p.of}`,
  rankShort: (p: { rank: string }) => `rank ${p.rank}`,
  answeredOf: (p: { answered: string; expected: string }) =>
    `answered ${p.answered} of ${p.expected}`,
  notApplicableCount: (p: { count: string }) => `${p.count} n/a`,
  noScore: 'no score',
  scoredByPolicy: '(no data: scored by policy)',
  value: 'value',
  rule: (p: { kind: string }) => `${p.kind} rule`,
  noAnswer: 'no answer',
  answer: 'answer',
  inForce: (p: { from: string; to: string }) => `in force ${p.from} to ${p.to}`,
  source: 'source',
  comment: 'comment',
  answeredBy: (p: { expert: string }) => `answered by ${p.expert}`,
  status: (p: { status: string }) => `status ${p.status}`,
  reviewedBy: (p: { reviewer: string; on?: string }) =>
    `reviewed by ${p.reviewer}${p.on ? ` on ${p.on}` : ''}`,
  statuses: {
    draft: 'draft',
    submitted: 'submitted',
    reviewed: 'reviewed',
    final: 'final',
  } as Record<string, string>,
  reasons: {} as Record<string, string>,
  reconcileSummary: (p: {
    disagreements: number;
    experts: string[];
    settled: number;
    open: number;
  }) =>
    `${p.disagreements} disagreement${p.disagreements === 1 ? '' : 's'} between ${p.experts.length} expert${p.experts.length === 1 ? '' : 's'}${p.experts.length > 0 ? ` (${p.experts.join(', ')})` : ''}: ${p.settled} settled, ${p.open} open.`,
  settled: 'SETTLED',
  open: 'OPEN',
  now: 'now',
  indicator: 'indicator',
  dimension: 'dimension',
  overall: 'overall',
  score: 'score',
  noExpert: '(no expert)',
};

/**
 * The command line's words in one language.
 *
 * @example
 * ```ts
 * uiWords('bg').total; //=> 'Общо'
 * ```
 */
export type UiWords = typeof en;

const bg: UiWords = {
  total: 'Общо',
  rank: 'Място',
  stage: 'Етап',
  unit: 'единица',
  period: 'период',
  notScored: 'не се оценява',
  rankOf: (p) => `място ${p.rank} от ${p.of}`,
  rankShort: (p) => `място ${p.rank}`,
  answeredOf: (p) => `отговорени ${p.answered} от ${p.expected}`,
  notApplicableCount: (p) => `неприложими: ${p.count}`,
  noScore: 'няма резултат',
  scoredByPolicy: '(няма данни: оценено по правилото за липсващи данни)',
  value: 'стойност',
  rule: (p) => `правило ${p.kind}`,
  noAnswer: 'няма отговор',
  answer: 'отговор',
  inForce: (p) => `в сила от ${p.from} до ${p.to}`,
  source: 'източник',
  comment: 'коментар',
  answeredBy: (p) => `отговор на ${p.expert}`,
  status: (p) => `статус: ${p.status}`,
  reviewedBy: (p) => `прегледан от ${p.reviewer}${p.on ? ` на ${p.on}` : ''}`,
  statuses: {
    draft: 'чернова',
    submitted: 'подаден',
    reviewed: 'прегледан',
    final: 'окончателен',
  },
  reasons: {
    'no-data': 'няма данни',
    'not-applicable': 'неприложимо',
    coverage: 'недостатъчно покритие',
    'no-match': 'няма съвпадение',
    'undefined-for-method': 'неопределено за метода',
  },
  reconcileSummary: (p) =>
    `Разминавания между експертите (${p.experts.length}${p.experts.length > 0 ? `: ${p.experts.join(', ')}` : ''}): ${p.disagreements}, от тях решени: ${p.settled}, отворени: ${p.open}.`,
  settled: 'РЕШЕНО',
  open: 'ОТВОРЕНО',
  now: 'сега',
  indicator: 'индикатор',
  dimension: 'измерение',
  overall: 'общо',
  score: 'резултат',
  noExpert: '(без експерт)',
};

const byLanguage: Record<string, UiWords> = { en, bg };

/**
 * The command line's words in `lang` (its primary subtag), English when there are none.
 *
 * @example
 * ```ts
 * uiWords('bg-BG').rank; //=> 'Място'
 * uiWords('de').rank;    //=> 'Rank'
 * ```
 */
export function uiWords(lang: string | undefined): UiWords {
  return byLanguage[(lang ?? 'en').split('-')[0]?.toLowerCase() ?? 'en'] ?? en;
}
