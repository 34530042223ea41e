import type { ProgressCounts } from '../../round/progress/index.js';

/**
 * The report's own words (headings, column names), per language. Framework texts come from the
 * framework in the language asked for; these fixed words fall back to English.
 */
const en = {
  contents: 'Contents',
  ranking: 'Ranking',
  rankingIntro: 'Overall score of each unit, best first. Ties share the best rank.',
  heatmap: 'Scores by dimension',
  heatmapIntro: 'Each cell is a unit’s score in one dimension; darker is more favourable.',
  change: 'Change between periods',
  changeIntro: 'Overall change of each unit from {from} to {to}.',
  noChange: 'No comparison period was given, so no changes are shown.',
  profiles: 'Unit profiles',
  profileIntro:
    'Dimension scores (filled shape) against the mean of all units (dashed), and the score per stage.',
  coverage: 'Coverage warnings',
  coverageNone: 'Every unit answered every indicator that counts.',
  evidence: 'Evidence: the answers behind the scores',
  methodology: 'Methodology',
  dataTable: 'Data table',
  unit: 'Unit',
  rank: 'Rank',
  overall: 'Overall',
  score: 'Score',
  coverageCol: 'Coverage',
  answered: 'answered',
  notApplicable: 'not applicable',
  missing: 'missing',
  expected: 'expected',
  previous: 'Previous',
  changeCol: 'Change',
  rankChange: 'Rank change',
  direction: 'Direction',
  improved: 'improved',
  held: 'held',
  declined: 'declined',
  noScore: 'no score',
  dimension: 'Dimension',
  stage: 'Stage',
  mean: 'Mean of all units',
  group: 'Group',
  groupMean: 'Group mean',
  vsGroup: 'Difference from the group mean',
  groupProfileIntro:
    'Dimension scores (filled shape) against the mean of the unit’s group (dashed), and the score per stage.',
  rankingInGroup: 'Ranking within {group}: only its members, ranked among themselves.',
  indicator: 'Indicator',
  answer: 'Answer',
  source: 'Source',
  comment: 'Comment',
  previousAnswer: 'Previous answer',
  node: 'Node',
  reason: 'Reason',
  levels: 'Levels',
  stages: 'Stages',
  dimensions: 'Dimensions',
  indicators: 'Indicators',
  rules: 'Scoring rules',
  ruleKind: 'Rule kind',
  conventions: 'Conventions',
  notes: 'Notes',
  period: 'Period',
  referenceDate: 'reference date',
  scale: 'Scale',
  edition: 'edition',
  version: 'version',
  generatedNote: 'A self-contained report: it needs no network and no script.',
  answersMissing: 'answers missing',
  evidenceNone: 'The answers are not listed in this report.',
  rejected: 'Answer rows rejected (not scored)',
  emptyScore: 'no score',
  expert: 'Expert',
  reviewedBy: 'reviewed by',
  statusDraft: 'draft',
  statusSubmitted: 'submitted',
  statusReviewed: 'reviewed',
  statusFinal: 'final',
  progress: 'Progress of the round',
  progressIntro:
    'Questions per dimension by state. Open: without data, in disagreement between experts, without a required source, or awaiting review.',
  progressDone:
    'Nothing is open: every question is answered, settled, sourced where required, and reviewed.',
  questions: 'Questions',
  answeredCol: 'Answered',
  notApplicableCol: 'Not applicable',
  noData: 'No data',
  disagreement: 'Disagreement',
  withoutSource: 'No source',
  evidenceMissing: 'Source required',
  awaitingReview: 'Awaiting review',
  open: 'Open',
  total: 'Total',
  rejectedRows: 'Answer rows rejected',
} as const;

/**
 * The report's fixed words.
 *
 * @example
 * ```ts
 * const words: ReportLabels = reportLabels('bg');
 * words.ranking; //=> 'Класиране'
 * ```
 */
export type ReportLabels = { readonly [K in keyof typeof en]: string };

const bg: Partial<ReportLabels> = {
  contents: 'Съдържание',
  ranking: 'Класиране',
  rankingIntro:
    'Общ резултат на всяка единица, най-добрият първи. При равенство се дава по-доброто място.',
  heatmap: 'Резултати по измерения',
  heatmapIntro:
    'Всяка клетка е резултатът на единица в едно измерение; по-тъмното е по-благоприятно.',
  change: 'Промяна между периодите',
  changeIntro: 'Обща промяна на всяка единица от {from} до {to}.',
  noChange: 'Не е зададен период за сравнение, затова промени не се показват.',
  profiles: 'Профили на единиците',
  coverage: 'Предупреждения за покритие',
  evidence: 'Доказателства: отговорите зад резултатите',
  methodology: 'Методология',
  dataTable: 'Таблица с данни',
  unit: 'Единица',
  rank: 'Място',
  overall: 'Общо',
  score: 'Резултат',
  coverageCol: 'Покритие',
  changeCol: 'Промяна',
  rankChange: 'Промяна в мястото',
  direction: 'Посока',
  improved: 'подобрение',
  held: 'без промяна',
  declined: 'влошаване',
  noScore: 'няма резултат',
  dimension: 'Измерение',
  stage: 'Етап',
  mean: 'Средно за всички единици',
  group: 'Група',
  groupMean: 'Средно за групата',
  vsGroup: 'Разлика спрямо средното за групата',
  groupProfileIntro:
    'Резултати по измерения (запълнената фигура) спрямо средното за групата на единицата (пунктир) и резултат по етапи.',
  rankingInGroup: 'Класиране в група {group}: само членовете ѝ, подредени помежду си.',
  indicator: 'Индикатор',
  answer: 'Отговор',
  source: 'Източник',
  comment: 'Коментар',
  period: 'Период',
  profileIntro:
    'Резултати по измерения (запълнената фигура) спрямо средното за всички единици (пунктир) и резултат по етапи.',
  coverageNone: 'Всяка единица е отговорила на всеки индикатор, който се отчита.',
  answered: 'с отговор',
  notApplicable: 'неприложими',
  missing: 'липсващи',
  expected: 'очаквани',
  previous: 'Предишен',
  node: 'Възел',
  reason: 'Причина',
  levels: 'Нива',
  stages: 'Етапи',
  dimensions: 'Измерения',
  indicators: 'Индикатори',
  rules: 'Правила за оценяване',
  ruleKind: 'Вид правило',
  conventions: 'Конвенции',
  notes: 'Бележки',
  referenceDate: 'референтна дата',
  scale: 'Скала',
  edition: 'издание',
  version: 'версия',
  previousAnswer: 'Предишен отговор',
  generatedNote: 'Самостоятелен отчет: не изисква мрежа, нито скрипт.',
  answersMissing: 'липсват отговори',
  evidenceNone: 'Отговорите не са изброени в този отчет.',
  rejected: 'Отхвърлени редове с отговори (не са оценени)',
  emptyScore: 'няма резултат',
  expert: 'Експерт',
  reviewedBy: 'прегледан от',
  statusDraft: 'чернова',
  statusSubmitted: 'подаден',
  statusReviewed: 'прегледан',
  statusFinal: 'окончателен',
  progress: 'Напредък на оценяването',
  progressIntro:
    'Въпроси по измерения според състоянието им. Отворени са въпросите без данни, с разминаване между експертите, без изискуем източник или очакващи преглед.',
  progressDone:
    'Няма отворени въпроси: всички са с отговор, разминаванията са решени, източниците са посочени, където се изискват, и отговорите са прегледани.',
  questions: 'Въпроси',
  answeredCol: 'С отговор',
  notApplicableCol: 'Неприложими',
  noData: 'Без данни',
  disagreement: 'Разминаване',
  withoutSource: 'Без източник',
  evidenceMissing: 'Изисква се източник',
  awaitingReview: 'Очаква преглед',
  open: 'Отворени',
  total: 'Общо',
  rejectedRows: 'Отхвърлени редове с отговори',
};

const byLanguage: Record<string, Partial<ReportLabels>> = { en, bg };

/**
 * The report's fixed words in `lang` (its primary subtag), English where a word is missing.
 *
 * @example
 * ```ts
 * reportLabels('bg-BG').ranking; //=> 'Класиране'
 * reportLabels('sv').ranking;    //=> 'Ranking'
 * ```
 */
export function reportLabels(lang: string): ReportLabels {
  const primary = lang.split('-')[0]?.toLowerCase() ?? 'en';
  return { ...en, ...(byLanguage[primary] ?? {}) };
}

/**
 * The count columns of a progress board with their names in the labels' language, in the order
 * `progress` (text) and the report's board show them.
 *
 * @example
 * ```ts
 * progressColumns(reportLabels('en'))[0]; //=> ['questions', 'Questions']
 * ```
 */
export function progressColumns(t: ReportLabels): [keyof ProgressCounts, string][] {
  return [
    ['questions', t.questions],
    ['answered', t.answeredCol],
    ['notApplicable', t.notApplicableCol],
    ['noData', t.noData],
    ['disagreement', t.disagreement],
    ['withoutSource', t.withoutSource],
    ['evidenceMissing', t.evidenceMissing],
    ['awaitingReview', t.awaitingReview],
    ['open', t.open],
  ];
}

/** Languages written right to left (primary subtags), for the page's `dir`. */
const rtl = new Set(['ar', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/**
 * The writing direction of a language tag.
 *
 * @example
 * ```ts
 * directionOf('ar'); //=> 'rtl'
 * directionOf('bg'); //=> 'ltr'
 * ```
 */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  const primary = lang.split('-')[0]?.toLowerCase() ?? '';
  return rtl.has(primary) || /-(Arab|Hebr|Thaa|Syrc)\b/.test(lang) ? 'rtl' : 'ltr';
}
