/**
 * The words of the interactive report's controls, by language (English and Bulgarian), with
 * English for any other language.
 */
const en = {
  explore: 'Explore the index',
  exploreIntro:
    'Change weights, answers or the period: every score, rank, chart and table below is recomputed in this page, with no server.',
  period: 'Period',
  weights: 'Weights',
  weightsIntro: 'Relative weight of each node among its siblings (0 leaves it out).',
  groups: 'Groups',
  dimensions: 'Dimensions',
  stages: 'Stages',
  reset: 'Reset',
  whatIf: 'What if an answer changed?',
  unit: 'Unit',
  indicator: 'Indicator',
  answer: 'Answer',
  apply: 'Apply',
  clear: 'Clear',
  compare: 'Compare two units',
  node: 'Node',
  difference: 'Difference',
  download: 'Download the current scores (CSV)',
  share: 'The address of this page keeps the current view: copy it to share it.',
  filter: 'Filter rows',
  sortBy: 'Sort by',
  changed: 'Changed from the published scores',
  weightOf: 'Weight of',
  notApplicable: 'not applicable',
  noData: 'no data',
  yes: 'yes',
  no: 'no',
  error: 'These settings cannot be scored',
};

/** The control texts. */
export type InteractiveLabels = typeof en;

const bg: InteractiveLabels = {
  explore: 'Изследвайте индекса',
  exploreIntro:
    'Променете тежестите, отговорите или периода: всички оценки, класирания, графики и таблици по-долу се преизчисляват в тази страница, без сървър.',
  period: 'Период',
  weights: 'Тежести',
  weightsIntro: 'Относителна тежест на всеки елемент спрямо съседните му (0 го изключва).',
  groups: 'Групи',
  dimensions: 'Измерения',
  stages: 'Етапи',
  reset: 'Нулиране',
  whatIf: 'Какво би станало, ако отговорът беше различен?',
  unit: 'Единица',
  indicator: 'Индикатор',
  answer: 'Отговор',
  apply: 'Приложи',
  clear: 'Изчисти',
  compare: 'Сравнение на две единици',
  node: 'Елемент',
  difference: 'Разлика',
  download: 'Изтегляне на текущите оценки (CSV)',
  share: 'Адресът на страницата пази текущия изглед: копирайте го, за да го споделите.',
  filter: 'Филтриране на редовете',
  sortBy: 'Подреждане по',
  changed: 'Променено спрямо публикуваните оценки',
  weightOf: 'Тежест на',
  notApplicable: 'неприложимо',
  noData: 'няма данни',
  yes: 'да',
  no: 'не',
  error: 'Тези настройки не могат да бъдат оценени',
};

/**
 * The control texts in `lang` (its primary subtag), English when there are none.
 *
 * @example
 * ```ts
 * interactiveLabels('bg-BG').weights; //=> 'Тежести'
 * interactiveLabels('fr').weights;    //=> 'Weights'
 * ```
 */
export function interactiveLabels(lang: string): InteractiveLabels {
  return lang.toLowerCase().split('-')[0] === 'bg' ? bg : en;
}
