/**
 * integration-index: integration-policy questionnaires in, reproducible scores out.
 *
 * The public surface is listed here by name; anything not exported here is internal.
 * This entry point is free of `node:` imports and runs in browsers; file-system adapters
 * live in `integration-index/node`.
 *
 * @packageDocumentation
 */

// Errors are data.
export {
  createIssue,
  errorsOf,
  formatIssue,
  IntegrationIndexError,
  type Issue,
  type IssueLocation,
  type SafeResult,
  type Severity,
} from './errors/issue.js';
export type { IssueCode } from './errors/messages.js';
export { type AggregationMethod, aggregationMethodSchema } from './framework/schema/common.js';

// The framework format.
export {
  dimensionFileSchema,
  type Framework,
  type FrameworkFile,
  type FrameworkInput,
  frameworkFileSchema,
  frameworkSchema,
  type MissingPolicy,
  missingPolicySchema,
  type Period,
  periodSchema,
} from './framework/schema/framework.js';
export {
  type Indicator,
  type IndicatorInput,
  indicatorSchema,
  type SubQuestion,
  subQuestionSchema,
} from './framework/schema/indicator.js';
export {
  type FrameworkNode,
  type FrameworkNodeInput,
  nodeSchema,
} from './framework/schema/node.js';
export { type AnswerOption, answerOptionSchema } from './rules/choice/schema.js';
export {
  type LeafRule,
  leafRuleSchema,
  type Rule,
  type RuleInput,
  type RuleKind,
  ruleKinds,
  ruleSchema,
} from './rules/schema.js';
// Text in several languages.
export {
  languageTagSchema,
  type ResolvedText,
  resolveText,
  type Text,
  textLanguages,
  textSchema,
} from './text/text.js';

// --- framework loading and validation (issue 2) ---

export { defineFramework, safeDefineFramework } from './framework/define.js';
export {
  type FrameworkValidation,
  isFrameworkFileName,
  parseFramework,
  safeParseFramework,
  validateFramework,
  validateSourceFile,
} from './framework/load/load.js';
export { decodeSource, type SourceFile } from './framework/load/source.js';
export { checkFramework } from './framework/validate/check.js';
export { isScoredIndicator } from './framework/validate/walk.js';
export {
  type CompiledFormula,
  compileFormula,
  formulaFunctions,
} from './rules/formula/compile.js';
export { formulaSupportLoaded, loadFormulaSupport } from './rules/formula/math.js';

// --- answers and scoring engine (issue 3) ---

export { AnswerTable, type AnswerValue } from './answers/read/_lib/table.js';
export {
  type AnswerFormat,
  type AnswerSheet,
  type AnswerTableSet,
  type ReadAnswersOptions,
  readAnswers,
  readAnswerTable,
} from './answers/read/index.js';
export {
  type AnswerTemplate,
  buildTemplate,
  longTemplateColumns,
  type TemplateOptions,
  type TemplateQuestion,
  templateToCsv,
} from './answers/template/index.js';
export type { AnswerOrigin, AnswerRow, AnswerSet, RejectedAnswer } from './answers/types.js';
export {
  amean,
  genmean,
  gmean,
  hmean,
  median,
  min,
} from './engine/aggregate/index.js';
export {
  type AnswerCounts,
  applyWeights,
  assemble,
  competitionRanks,
  compileFramework,
  coverageShare,
  type Evaluation,
  type EvaluationWorkspace,
  type ExplainedAnswer,
  type ExplainedNode,
  type ExplainQuery,
  evaluate,
  evaluationWorkspace,
  explain,
  filterResult,
  findRow,
  formatScore,
  type MissingOverrides,
  type NodeKind,
  type NodeResult,
  type Plan,
  type PlanNode,
  type PreparedAnswers,
  prepareAnswers,
  prepareTable,
  type RenderOptions,
  type RowFilter,
  rankUnits,
  renderExplanation,
  roundHalfAwayFromZero,
  type ScoreFilesOptions,
  type ScoreOptions,
  type ScoreReason,
  type ScoreResult,
  type ScoreRow,
  safeExplain,
  safeScore,
  safeScoreFiles,
  score,
  scoreFiles,
  scoreRows,
  type WeightOverrides,
} from './engine/index.js';
export { nodeResultSchema, scoreResultSchema } from './engine/result/schema.js';
export {
  type CsvCell,
  type CsvDelimiter,
  detectDelimiter,
  excelSafeCell,
  type ToCsvOptions,
  toCsv,
} from './io/csv.js';
export { markdownText } from './io/neutralise.js';
export type {
  Cell,
  CompositeRuleObject,
  LeafRuleObject,
  RuleContext,
  RuleObject,
  RuleProblem,
} from './rules/_lib/types.js';
export { createRule, ruleFactories } from './rules/registry.js';

// --- composite-indicator toolkit (issue 5) ---

// --- analysis: uncertainty, sensitivity, gains (issue 6) ---
export { parseAnalysisSpec, parseAnalysisSpecText } from './analysis/assumptions/parse.js';
export {
  type AnalysisSpec,
  type AnalysisSpecInput,
  type Assumption,
  type AssumptionKind,
  analysisSpecSchema,
  assumptionSchema,
} from './analysis/assumptions/schema.js';
export { type Gain, type GainsResult, gains, type NodeGain } from './analysis/gains/gains.js';
export type {
  AggregationChoice,
  AnalysisModel,
  MissingChoice,
  ModelComponent,
  ModelDescription,
  ModelLevel,
  ModelStep,
  Variant,
} from './analysis/model.js';
export { type CompositeModelInput, compileCompositeModel } from './analysis/models/composite.js';
export {
  compileQuestionnaireModel,
  type QuestionnaireModelInput,
} from './analysis/models/questionnaire.js';
export { type AnalysisModelSource, buildModel } from './analysis/models/registry.js';
export { createStream, type RandomStream } from './analysis/rng/rng.js';
export {
  localExecutor,
  type ProgressListener,
  type RunExecutor,
  type RunPlan,
} from './analysis/runner.js';
export {
  type SobolEstimate,
  type SobolIndex,
  sobolIndices,
} from './analysis/sensitivity/estimate.js';
export {
  type RemovedComponent,
  type RemoveOneResult,
  removeOneImpact,
} from './analysis/sensitivity/removeOne.js';
export {
  type AssumptionSensitivity,
  runSensitivity,
  type SensitivityResult,
  safeRunSensitivity,
} from './analysis/sensitivity/sensitivity.js';
export {
  type AnalysisOptions,
  type AssumptionSummary,
  runUncertainty,
  safeRunUncertainty,
  type UncertaintyResult,
  type UnitUncertainty,
} from './analysis/uncertainty/uncertainty.js';
export {
  type RankMove,
  type ScoreMove,
  type WhatIfChange,
  type WhatIfResult,
  whatIf,
} from './analysis/whatif/whatif.js';
export {
  type AggregateLog,
  type AggregateOptions,
  aggregate,
  type LevelSettings,
} from './composite/aggregate/aggregate.js';
export {
  type AggregateGroup,
  aggregationTree,
} from './composite/aggregate/tree.js';
export { type BuildDifference, compareBuilds } from './composite/analysis/compare.js';
export {
  type CorrelationFlag,
  type CorrelationMethod,
  correlationFlags,
  correlationMatrix,
  cronbachAlpha,
  cronbachByGroup,
} from './composite/analysis/correlation.js';
export {
  ranks,
  type StrengthWeakness,
  strengthsWeaknesses,
  type UnitRank,
} from './composite/analysis/ranks.js';
export {
  type IndicatorStatistics,
  indicatorStatistics,
  type StatisticsOptions,
} from './composite/analysis/statistics.js';
export { type Trend, trends } from './composite/analysis/trends.js';
export { effectiveWeights, type PcaWeights, pcaWeights } from './composite/analysis/weights.js';
export {
  columnOf,
  datasetFromRows,
  type LongRow,
  periodGroups,
  toLong,
  toWide,
  valueAt,
} from './composite/data/dataset.js';
export { compositeFromFramework } from './composite/data/framework.js';
export {
  type CoinrFiles,
  type CoinrReadOptions,
  type CsvParse,
  readCoinr,
  readIMeta,
} from './composite/data/read.js';
export {
  type CompositeData,
  type CompositeMeta,
  type Dataset,
  type MetaNode,
  metaNodeSchema,
  type UnitTable,
} from './composite/data/types.js';
export { type DenominateLog, denominate } from './composite/denominate/denominate.js';
export { type ImputeLog, type ImputeOptions, impute } from './composite/impute/impute.js';
export {
  defaultNormaliseOptions,
  type NormaliseLog,
  type NormaliseOptions,
  normalise,
} from './composite/normalise/normalise.js';
export { changePipeline, type PipelineChanges } from './composite/pipeline/change.js';
export {
  type PipelineResult,
  parsePipelineSpec,
  runPipeline,
  type StepLog,
  safeRunPipeline,
} from './composite/pipeline/run.js';
export {
  type CompositeAggregation,
  type ImputeMethod,
  type NormaliseMethod,
  type PipelineSpec,
  type PipelineSpecInput,
  type PipelineStep,
  pipelineSchema,
  type StageName,
  stageNames,
} from './composite/pipeline/schema.js';
export { type ScreenLog, type ScreenOptions, screen } from './composite/screen/screen.js';
export {
  type TreatedIndicator,
  type TreatLog,
  type TreatOptions,
  treat,
  treatVector,
} from './composite/treat/treat.js';
export {
  type ImportCoinrOptions,
  type ImportedCoinr,
  importCoinr,
} from './import/coinr/import.js';

// --- outputs: exports, comparisons, reports (issue 7) ---
export { type BarItem, type BarsSpec, barsSvg } from './report/charts/bars.js';
export { type HeatmapSpec, heatmapSvg } from './report/charts/heatmap.js';
export { type RadarSeries, type RadarSpec, radarPoint, radarSvg } from './report/charts/radar.js';
export type { ChartLabel, ChartScale, ChartText } from './report/charts/svg.js';
export {
  type AnswerChange,
  type ChangeDirection,
  type CompareOptions,
  type Comparison,
  changeDirection,
  compare,
  defaultTolerance,
  type NodeChange,
} from './report/compare/index.js';
export {
  type DataLicense,
  type DataPackage,
  type DataPackageOptions,
  type DataResource,
  dataLicenses,
  dataPackage,
  type TableField,
} from './report/datapackage/index.js';
export { escapeMarkup } from './report/escape.js';
export {
  type CsvExportOptions,
  type ExportSelection,
  exportCsv,
  exportJson,
  exportMarkdown,
  longColumns,
  longRows,
  wideRows,
} from './report/export/index.js';
export { resultView } from './report/from-result.js';
export { buildReportModel, type ReportOptions } from './report/html/build.js';
export type {
  ReportCoverage,
  ReportCoverageWarning,
  ReportEvidence,
  ReportLabel,
  ReportMethodology,
  ReportModel,
  ReportRuleUse,
  ReportUnitSummary,
} from './report/html/model.js';
export { renderReportModel } from './report/html/render.js';
export { renderReport } from './report/report.js';
export {
  indicatorsBehind,
  type ResultView,
  type ViewAnswer,
  type ViewCell,
  type ViewCoverage,
  type ViewNode,
  type ViewNodeKind,
} from './report/view.js';

// --- editions, provenance (issue 8) ---

export type { DesignKind } from './analysis/design.js';
export type { CompositeContext, StepResult } from './composite/_lib/step.js';
export type { DenominateOptions } from './composite/denominate/denominate.js';
export {
  compositeAggregationSchema,
  imputeMethodSchema,
  normaliseMethodSchema,
  pipelineStepSchema,
} from './composite/pipeline/schema.js';
export type { VectorTreatment } from './composite/treat/treat.js';
export { checkEditions, inEdition } from './editions/check.js';
export {
  comparability,
  editionWarnings,
  type PeriodComparability,
  retiredAnswerWarnings,
} from './editions/comparable.js';
export {
  diffFrameworks,
  type EditionChange,
  type EditionChangeKind,
  type FieldChange,
  type FrameworkDiff,
} from './editions/diff.js';
export {
  type Changes,
  type CompareMode,
  changesSchema,
  compareModeSchema,
  type Rescored,
  rescoredSchema,
} from './editions/schema.js';
export type { EngineAggregationMethod } from './engine/aggregate/index.js';
export type { AssembleOptions } from './engine/assemble/index.js';
export type { EvaluateOptions } from './engine/evaluate/index.js';
export type { PrepareOptions } from './engine/prepare/index.js';
export { RANK_TOLERANCE } from './engine/rank/index.js';
export { reasonSchema } from './engine/result/schema.js';
// --- types and constants that the signatures above refer to ---
export { type IssueParams, messages } from './errors/messages.js';
// --- importers: MIPEX published scores (issue 9) ---
export {
  formatAnswersCsv,
  importMipexScores,
  MIPEX_SCORE_COLUMNS,
  type MipexImportCounts,
  type MipexImportOptions,
  type MipexImportResult,
  normaliseMipexCode,
} from './import/mipex/index.js';
// --- importers: MIPEX's core workbook as published (issue 15; takes cells, no xlsx parser) ---
export {
  importMipexWorkbook,
  type MipexWorkbookOverall,
  type MipexWorkbookScore,
  mipexWorkbookScores,
} from './import/mipex/workbook.js';
export { canonicalJson, type FileDigest, filesDigest, sha256Hex } from './provenance/hash.js';
export { fileDigestSchema, type Provenance, provenanceSchema } from './provenance/schema.js';
export { createStamp, type ProvenanceInputs, type StampedFramework } from './provenance/stamp.js';
export { compareDigests, compareResults, type ResultComparison } from './provenance/verify.js';
export { LIBRARY_NAME, LIBRARY_VERSION } from './provenance/version.js';
export { compareGroups, type GroupChange } from './report/compare/groups.js';
export {
  exportGroupsCsv,
  type GroupExportSelection,
  groupMemberColumns,
  groupMemberRows,
  groupStatColumns,
  groupStatRows,
} from './report/export/groups.js';
export { withGroups } from './report/html/groups.js';
export { NO_DATA, NO_MATCH, NOT_APPLICABLE, type ParseOutcome } from './rules/_lib/types.js';
export type { RuleFactories, RuleFactoryContext } from './rules/registry.js';

// --- COINr and Compind methods (issue 19) ---

export { type BodResult, benefitOfTheDoubt, type ShareBounds } from './composite/aggregate/bod.js';
export { type LpResult, simplexMax } from './composite/aggregate/lp.js';
export { ampi, type MpiPolarity, mpi } from './composite/aggregate/mpi.js';
export {
  type DenominatorCorrelation,
  dataAvailability,
  denominatorCorrelations,
  type UnitAvailability,
} from './composite/analysis/availability.js';
export {
  type OptimisedWeightRow,
  type OptimisedWeights,
  type OptimiseWeightsOptions,
  optimiseWeights,
  safeOptimiseWeights,
} from './composite/analysis/optweights.js';
export {
  type CorrelationPValues,
  correlationPValue,
  correlationPValues,
} from './composite/analysis/pvalues.js';
export { frameworkSunburst } from './composite/analysis/sunburst.js';
export {
  applyTransform,
  boxcox,
  type TransformName,
  transformNames,
} from './composite/treat/transforms.js';
export {
  type AnalysisSectionOptions,
  type AnyResult,
  analysisSectionHtml,
  checkAnalysisResult,
  withAnalysisSection,
} from './report/analysis-section.js';
export {
  type AnalysisChartOptions,
  type SensitivityChartIndex,
  type SunburstNode,
  sensitivityResultSvg,
  sensitivitySvg,
  sunburstSvg,
  type UncertaintyChartUnit,
  uncertaintyResultSvg,
  uncertaintySvg,
} from './report/charts/analysis.js';

// --- a round answered by several experts: review states, reconcile (issue 16) ---

export {
  type AnswerStatus,
  answerStatuses,
  parseStatus,
  statusRank,
} from './answers/read/_lib/fields.js';
export type { Disagreement } from './engine/prepare/index.js';
export { answerExportColumns, answerRows } from './report/export/index.js';
export type { ReportProgress } from './report/html/model.js';
export { evidenceRequired, evidenceWarnings } from './round/evidence/index.js';
export {
  type ProgressBoard,
  type ProgressCounts,
  type ProgressLine,
  progressColumns,
  progressOf,
  progressRows,
} from './round/progress/index.js';
export {
  type ReconcileChoice,
  type ReconcileItem,
  type ReconcileOptions,
  type ReconcileScores,
  type Reconciliation,
  reconcile,
  reconcilePrepared,
  reconciliationColumns,
  reconciliationRows,
  safeReconcile,
} from './round/reconcile/index.js';

// --- units, groups and levels (issue 17) ---
export {
  type ApplyUnitsOptions,
  applyUnits,
  type DeriveRequest,
  summariseGroups,
} from './units/apply.js';
export {
  builtInGroups,
  type CountryNames,
  eu27,
  isoCodeOf,
  isoRegistry,
  loadCountryNames,
  withCountryNames,
} from './units/countries.js';
export { checkUnits, readUnits } from './units/read.js';
export {
  type DeriveMethod,
  deriveMethodSchema,
  type FrameworkUnits,
  frameworkUnitsSchema,
  type GroupSummary,
  groupSummarySchema,
  type Unit,
  type UnitInfo,
  type UnitRegistry,
  unitInfoSchema,
  unitSchema,
} from './units/schema.js';
