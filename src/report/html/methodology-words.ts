/**
 * The methodology section's wording, per language (English and Bulgarian); other languages
 * fall back to English. Numbers and dates come in already formatted for the language.
 */

const en = {
  aggregation: 'Aggregation',
  aggregationText: (p: { method: string; p?: string }) =>
    `Each aggregate is the ${p.method} of its children${p.p ? ` (p = ${p.p})` : ''}, unless a node sets its own method; weights are relative and renormalised over the children that have a score.`,
  methods: {
    amean: 'weighted arithmetic mean',
    gmean: 'weighted geometric mean',
    hmean: 'weighted harmonic mean',
    genmean: 'weighted generalised mean',
    median: 'weighted median',
    min: 'minimum',
    copeland: 'Copeland count',
  } as Record<string, string>,
  stages: 'Stages',
  stagesCells:
    'Indicators first form dimension × stage cells. A dimension’s score aggregates its cells; a stage’s score aggregates that stage’s cells across dimensions.',
  stagesDirect:
    'Dimension and stage scores both aggregate the indicators directly; dimension × stage cells are reported but do not feed other scores.',
  overall: 'Overall score',
  overallStages: 'The overall score aggregates the stage scores.',
  overallTree:
    'The overall score aggregates the top-level nodes of the tree (groups or dimensions), with their weights.',
  policies: {
    exclude: 'left out of the parent’s mean',
    zero: 'scored as the scale’s minimum',
    max: 'scored as the scale’s maximum',
    fail: 'an error that stops the run',
  } as Record<string, string>,
  notApplicable: 'Not applicable',
  notApplicableText: (p: { policy: string }) => `An answer marked not applicable is ${p.policy}.`,
  noData: 'No data',
  noDataText: (p: { policy: string; counted: boolean }) =>
    `An indicator without an answer is ${p.policy}${p.counted ? ', and counted as missing in the coverage' : ''}.`,
  coverage: 'Coverage threshold',
  coverageText: (p: { percent: string }) =>
    `An aggregate whose present children carry less than ${p.percent}% of their expected weight has no score, and the reason is listed under coverage warnings.`,
  coverageNone:
    'None by default: an aggregate has a score as soon as one child has one (nodes may set their own threshold).',
  unscored: 'Unscored content',
  unscoredText: (p: { unscored: string; all: string; dimensions: string }) =>
    `${p.unscored} of ${p.all} indicators (outcome and input statistics, marked unscored, or under an unscored node) are collected and shown but do not enter any score${p.dimensions ? `; so are the dimensions ${p.dimensions}` : ''}.`,
  rounding: 'Rounding',
  roundingText: (p: { decimals: number }) =>
    `Scores are computed at full precision and rounded only for display, to ${p.decimals} decimal${p.decimals === 1 ? '' : 's'}, half away from zero.`,
  ranking: 'Ranking',
  rankingText:
    'Standard competition ranking (“1224”): units with equal scores share the best rank and the next rank is skipped. Units without a score are not ranked.',
  change: 'Change',
  changeText: (p: { tolerance: string }) =>
    `A change between periods counts as held when it is within ±${p.tolerance} points, which is half of the last displayed decimal: a change that would print as zero is not called a move.`,
  inForce: 'Answers in force',
  inForceText: (p: { date: string }) => `Answers were taken as in force on ${p.date}.`,
  provenance: 'Provenance',
  provenanceText: (p: {
    library: string;
    framework: string;
    sha256: string;
    hashOf: 'files' | 'value' | 'identity';
  }) =>
    `Scored by ${p.library} with framework ${p.framework}, SHA-256 ${p.sha256} of its ${p.hashOf}.`,
  answerFile: 'Answer file',
  answersRead: (p: {
    read: string;
    files: string;
    used: string;
    superseded: string;
    rejected: string;
  }) =>
    `${p.read} answers read from ${p.files || 'no file'}: ${p.used} used, ${p.superseded} superseded, ${p.rejected} rejected`,
};

/**
 * The methodology section's words in one language.
 *
 * @example
 * ```ts
 * methodologyWords('bg').ranking; //=> 'Класиране'
 * ```
 */
export type MethodologyWords = typeof en;

const bg: MethodologyWords = {
  aggregation: 'Агрегиране',
  aggregationText: (p) =>
    `Всеки агрегат е ${p.method} на своите поделементи${p.p ? ` (p = ${p.p})` : ''}, освен ако възелът не задава собствен метод; теглата са относителни и се пренормират спрямо поделементите, които имат резултат.`,
  methods: {
    amean: 'претеглената средна аритметична',
    gmean: 'претеглената средна геометрична',
    hmean: 'претеглената средна хармонична',
    genmean: 'претеглената обобщена средна',
    median: 'претеглената медиана',
    min: 'минимумът',
    copeland: 'броят по Копланд',
  },
  stages: 'Етапи',
  stagesCells:
    'Индикаторите първо образуват клетки „измерение × етап“. Резултатът на едно измерение обобщава неговите клетки, а резултатът на един етап – клетките на този етап във всички измерения.',
  stagesDirect:
    'Резултатите по измерения и по етапи обобщават пряко индикаторите; клетките „измерение × етап“ се показват, но не участват в други резултати.',
  overall: 'Общ резултат',
  overallStages: 'Общият резултат обобщава резултатите по етапи.',
  overallTree:
    'Общият резултат обобщава възлите от най-горното ниво на дървото (групи или измерения) с техните тегла.',
  policies: {
    exclude: 'не се включва в средната стойност на родителския възел',
    zero: 'получава минимума на скалата',
    max: 'получава максимума на скалата',
    fail: 'е грешка, която спира изчислението',
  },
  notApplicable: 'Неприложимост',
  notApplicableText: (p) => `Отговор, отбелязан като неприложим, ${p.policy}.`,
  noData: 'Липса на данни',
  noDataText: (p) =>
    `Индикатор без отговор ${p.policy}${p.counted ? ' и се отчита като липсващ при покритието' : ''}.`,
  coverage: 'Праг на покритие',
  coverageText: (p) =>
    `Агрегат, чиито налични поделементи носят по-малко от ${p.percent}% от очакваното тегло, остава без резултат, а причината се посочва в предупрежденията за покритие.`,
  coverageNone:
    'По подразбиране няма праг: агрегатът има резултат, щом поне един поделемент има резултат (възлите могат да задават собствен праг).',
  unscored: 'Неоценявано съдържание',
  unscoredText: (p) =>
    `${p.unscored} от ${p.all} индикатора (статистически данни за резултати и ресурси, индикатори, отбелязани като неоценявани, или такива под неоценяван възел) се събират и показват, но не влизат в нито един резултат${p.dimensions ? `; същото важи за измеренията ${p.dimensions}` : ''}.`,
  rounding: 'Закръгляване',
  roundingText: (p) =>
    `Резултатите се изчисляват с пълна точност и се закръгляват само при показването им – до ${p.decimals} ${p.decimals === 1 ? 'знак' : 'знака'} след десетичната запетая, като половинката се закръглява в посока от нулата.`,
  ranking: 'Класиране',
  rankingText:
    'Стандартно класиране със споделени места („1224“): единиците с равен резултат делят по-доброто място, а следващото място се пропуска. Единиците без резултат не се класират.',
  change: 'Промяна',
  changeText: (p) =>
    `Промяна между периодите се счита за запазване на нивото, когато е в рамките на ±${p.tolerance} точки, т.е. половината от последния показан десетичен знак: промяна, която би се изписала като нула, не се отчита като движение.`,
  inForce: 'Отговори в сила',
  inForceText: (p) => `Използвани са отговорите, които са в сила към ${p.date}.`,
  provenance: 'Произход',
  provenanceText: (p) =>
    `Изчислено с ${p.library} по рамка ${p.framework}; SHA-256 ${p.sha256} на ${p.hashOf === 'files' ? 'нейните файлове' : p.hashOf === 'value' ? 'нейното съдържание' : 'нейната идентификация'}.`,
  answerFile: 'Файл с отговори',
  answersRead: (p) =>
    `Прочетени отговори: ${p.read} от ${p.files || 'нито един файл'}; използвани: ${p.used}, заменени: ${p.superseded}, отхвърлени: ${p.rejected}`,
};

const byLanguage: Record<string, MethodologyWords> = { en, bg };

/**
 * The methodology section's words in `lang` (its primary subtag), English for languages
 * without their own.
 *
 * @example
 * ```ts
 * methodologyWords('bg-BG').ranking; //=> 'Класиране'
 * methodologyWords('sv').ranking;    //=> 'Ranking'
 * ```
 */
export function methodologyWords(lang: string): MethodologyWords {
  return byLanguage[lang.split('-')[0]?.toLowerCase() ?? 'en'] ?? en;
}
