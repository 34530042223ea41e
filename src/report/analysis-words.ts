/**
 * The words of the report's robustness section and of the uncertainty and sensitivity charts,
 * per language: English and Bulgarian, English for other languages. Numbers come in already
 * written in the language (`localeFormat`); the analysis target is a node id, as typed.
 */

const en = {
  heading: 'Robustness',
  sensitivityCaption: (p: { target: string; runs: string; bootstrap: string }) =>
    `Sensitivity of the ranks of ${p.target}: first- and total-order indices per assumption, ${p.runs} runs, ${p.bootstrap} bootstrap resamples.`,
  uncertaintyCaption: (p: { target: string; runs: string }) =>
    `Median rank and 5th-95th percentile ranks of ${p.target} over ${p.runs} runs of the sampled assumptions.`,
  uncertaintyTitle: 'Rank uncertainty',
  uncertaintyTitleOf: (p: { target: string; runs: string }) =>
    `Rank uncertainty of ${p.target} (${p.runs} runs)`,
  uncertaintyDescription:
    'For each unit, the line spans the 5th to 95th percentile of its rank over the sampled assumptions, the dot is the median rank and the open diamond the nominal rank; rank 1 is on the left.',
  rankAxis: 'rank (1 = best)',
  uncertaintyTip: (p: { unit: string; median: string; q5: string; q95: string; nominal: string }) =>
    `${p.unit}: median rank ${p.median}, 5-95% ${p.q5}-${p.q95}, nominal ${p.nominal}`,
  sensitivityTitle: 'Sensitivity indices',
  sensitivityTitleOf: (p: { target: string; runs: string }) =>
    `Sensitivity of the ranks of ${p.target} (${p.runs} runs)`,
  sensitivityDescription:
    'For each assumption, the first-order index (the share of the output variance it causes alone) and the total-order index (alone and through interactions), with 5th-95th percentile bootstrap intervals as whiskers.',
  firstOrder: 'first order',
  totalOrder: 'total order',
  sensitivityTip: (p: {
    assumption: string;
    kind: string;
    value: string;
    interval?: readonly [string, string] | undefined;
  }) =>
    `${p.assumption}, ${p.kind}: ${p.value}${p.interval ? ` (5-95%: ${p.interval[0]} to ${p.interval[1]})` : ''}`,
  /** A rank or value that is not there. */
  notAvailable: 'NA',
};

/**
 * The robustness section's words in one language.
 *
 * @example
 * ```ts
 * const words: AnalysisWords = analysisWords('bg');
 * words.heading; //=> 'Устойчивост на класирането'
 * ```
 */
export type AnalysisWords = typeof en;

const bg: AnalysisWords = {
  heading: 'Устойчивост на класирането',
  sensitivityCaption: (p) =>
    `Чувствителност на класирането по „${p.target}“: индекси от първи ред и пълни индекси за всяко допускане (симулации: ${p.runs}; бутстрап извадки: ${p.bootstrap}).`,
  uncertaintyCaption: (p) =>
    `Медианно място и места на 5-ия и 95-ия процентил в класирането по „${p.target}“ при допусканията от извадката (симулации: ${p.runs}).`,
  uncertaintyTitle: 'Неопределеност на класирането',
  uncertaintyTitleOf: (p) =>
    `Неопределеност на класирането по „${p.target}“ (симулации: ${p.runs})`,
  uncertaintyDescription:
    'За всяка единица линията обхваща мястото ѝ от 5-ия до 95-ия процентил при допусканията от извадката, точката е медианното място, а празният ромб – номиналното място; място 1 е вляво.',
  rankAxis: 'място (1 = най-добро)',
  uncertaintyTip: (p) =>
    `${p.unit}: медианно място ${p.median}, 5–95%: ${p.q5}–${p.q95}, номинално място ${p.nominal}`,
  sensitivityTitle: 'Индекси на чувствителност',
  sensitivityTitleOf: (p) =>
    `Чувствителност на класирането по „${p.target}“ (симулации: ${p.runs})`,
  sensitivityDescription:
    'За всяко допускане: индексът от първи ред (делът от дисперсията на резултата, който се дължи само на това допускане) и пълният индекс (заедно с взаимодействията му с другите допускания), с бутстрап интервали от 5-ия до 95-ия процентил, показани като отсечки.',
  firstOrder: 'първи ред',
  totalOrder: 'пълен индекс',
  sensitivityTip: (p) =>
    `${p.assumption}, ${p.kind}: ${p.value}${p.interval ? ` (5–95%: от ${p.interval[0]} до ${p.interval[1]})` : ''}`,
  notAvailable: 'н.д.',
};

const byLanguage: Record<string, AnalysisWords> = { en, bg };

/**
 * The robustness section's words in `lang` (its primary subtag), English when there are none.
 *
 * @example
 * ```ts
 * analysisWords('bg-BG').rankAxis; //=> 'място (1 = най-добро)'
 * analysisWords('de').rankAxis;    //=> 'rank (1 = best)'
 * ```
 */
export function analysisWords(lang: string | undefined): AnalysisWords {
  return byLanguage[(lang ?? 'en').split('-')[0]?.toLowerCase() ?? 'en'] ?? en;
}
