/**
 * The methods COINr and Compind offer beyond COINr's defaults, run on COINr's ASEM example:
 * benefit of the doubt and Mazziotta-Pareto aggregation through the pipeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { reportCommand } from '../src/cli/commands/report.js';
import { sensitivityCommand } from '../src/cli/commands/sensitivity.js';
import { statsCommand } from '../src/cli/commands/stats.js';
import { uncertaintyCommand } from '../src/cli/commands/uncertainty.js';
import { weightsCommand } from '../src/cli/commands/weights.js';
import { readCoinr } from '../src/composite/data/read.js';
import type { CompositeData, Dataset } from '../src/composite/data/types.js';
import { parsePipelineSpec, runPipeline, safeRunPipeline } from '../src/composite/pipeline/run.js';
import type { PipelineSpecInput } from '../src/composite/pipeline/schema.js';
import { IntegrationIndexError } from '../src/errors/issue.js';
import { runCli, tempWorkDir } from './support/cli.js';

const dir = join(import.meta.dirname, '../fixtures/reference/coinr-asem');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const loaded = readCoinr(read('asem_iData.csv'), read('asem_iMeta.csv'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const data: CompositeData = loaded.value;

const before: PipelineSpecInput['steps'] = [
  { step: 'denominate' },
  { step: 'impute', method: 'mean-by-group', group: 'EurAsia_group' },
  { step: 'screen', by: 'missing', threshold: 0.9 },
  { step: 'treat', method: 'default', winmax: 5 },
  { step: 'normalise', method: 'minmax', range: [0, 100] },
];
const run = (aggregate: Record<string, unknown>) =>
  runPipeline(data, {
    steps: [...before, { step: 'aggregate', ...aggregate }] as PipelineSpecInput['steps'],
  });
const column = (ds: Dataset, code: string) => {
  const n = ds.rows.length;
  const c = ds.codes.indexOf(code);
  return Array.from(ds.values.subarray(c * n, (c + 1) * n));
};
const pillars = data.meta.nodes.filter((x) => x.level === 2).map((x) => x.code);

describe('benefit of the doubt on ASEM (method: bod)', () => {
  const bod = run({ method: 'bod', levels: { '3': { method: 'amean' }, '4': { method: 'amean' } } })
    .datasets.aggregated as Dataset;
  const mean = run({ method: 'amean' }).datasets.aggregated as Dataset;

  it('scores every pillar in [0, 1] with at least one unit on the frontier', () => {
    for (const p of pillars) {
      const s = column(bod, p);
      for (const v of s) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(Math.max(...s)).toBeCloseTo(1, 9);
    }
  });

  it('gives each unit at least its equal-weight mean relative to the best mean (those weights are feasible)', () => {
    for (const p of pillars) {
      const s = column(bod, p);
      const m = column(mean, p);
      const best = Math.max(...m);
      m.forEach((v, i) => {
        expect(s[i]).toBeGreaterThanOrEqual(v / best - 1e-9);
      });
    }
  });

  it('share bounds lower or keep every score', () => {
    const kids = data.meta.nodes.filter((x) => x.parent === 'Physical').map((x) => x.code);
    const bounds = Object.fromEntries(kids.map((k) => [k, [0.05, 0.5]]));
    const bounded = run({
      method: 'bod',
      bounds,
      levels: { '3': { method: 'amean' }, '4': { method: 'amean' } },
    }).datasets.aggregated as Dataset;
    const a = column(bod, 'Physical');
    const b = column(bounded, 'Physical');
    b.forEach((v, i) => {
      expect(v).toBeLessThanOrEqual((a[i] as number) + 1e-9);
    });
    expect(b.some((v, i) => v < (a[i] as number) - 1e-6)).toBe(true);
  });

  it('refuses negative values (z-scores) with COMPOSITE_NEGATIVE_VALUE and unknown bound codes', () => {
    const spec = parsePipelineSpec({
      steps: [
        ...before.slice(0, 4),
        { step: 'normalise', method: 'zscore' },
        { step: 'aggregate', method: 'bod' },
      ],
    });
    if (!spec.ok) throw new Error('spec');
    const r = safeRunPipeline(data, spec.value);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['COMPOSITE_NEGATIVE_VALUE']);
    const bad = parsePipelineSpec({
      steps: [{ step: 'aggregate', method: 'bod', bounds: { Nope: [0, 1] } }],
    });
    if (!bad.ok) throw new Error('spec');
    const r2 = safeRunPipeline(data, bad.value);
    expect(r2.ok ? [] : r2.issues.map((i) => i.code)).toEqual(['COMPOSITE_UNKNOWN_CODE']);
    expect(
      parsePipelineSpec({
        steps: [{ step: 'aggregate', method: 'bod', bounds: { LPI: [0.6, 0.2] } }],
      }).ok,
    ).toBe(false);
  });
});

describe('Mazziotta-Pareto on ASEM (method: mpi, ampi)', () => {
  it('mpi never exceeds the mean of the standardised pillars and equals it for balanced units', () => {
    const ds = run({
      method: 'mpi',
      levels: { '3': { method: 'amean' }, '4': { method: 'amean' } },
    }).datasets.aggregated as Dataset;
    const neg = run({
      method: 'mpi',
      polarity: 'negative',
      levels: { '3': { method: 'amean' }, '4': { method: 'amean' } },
    }).datasets.aggregated as Dataset;
    for (const p of pillars) {
      const lo = column(ds, p);
      const hi = column(neg, p);
      lo.forEach((v, i) => {
        // M - S cv <= M <= M + S cv, and the two differ by 2 S cv symmetric around M.
        expect(v).toBeLessThanOrEqual((hi[i] as number) + 1e-9);
      });
      const centre = lo.map((v, i) => (v + (hi[i] as number)) / 2);
      const mean = centre.reduce((s, v) => s + v, 0) / centre.length;
      expect(mean).toBeCloseTo(100, 6); // the mean of standardised components is 100
    }
  });

  it('ampi puts scores around 100 and on the [70, 130] scale', () => {
    const ds = run({
      method: 'ampi',
      levels: { '3': { method: 'amean' }, '4': { method: 'amean' } },
    }).datasets.aggregated as Dataset;
    for (const p of pillars) {
      for (const v of column(ds, p)) {
        expect(v).toBeGreaterThan(40);
        expect(v).toBeLessThan(160);
      }
    }
  });
});

describe('CLI weights (optimised weights)', () => {
  const work = tempWorkDir('ii-peers-');
  const args = [
    '--idata',
    join(dir, 'asem_iData.csv'),
    '--imeta',
    join(dir, 'asem_iMeta.csv'),
    '--pipeline',
    join(import.meta.dirname, 'fixtures/composite/asem.pipeline.yaml'),
    '--level',
    '3',
  ];

  it('prints code,weight,desired,obtained and writes the pipeline with the weights block', async () => {
    const out = join(work, 'optimised.yaml');
    const r = await runCli(weightsCommand, ...args, '--format', 'csv', '--write-pipeline', out);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('code,weight,desired,obtained');
    const obtained = lines.slice(1).map((l) => Number(l.split(',')[3]));
    for (const v of obtained) expect(Math.abs(v - 0.5)).toBeLessThan(1e-6);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain("COINr's example pipeline"); // the comment is kept
    const spec = parsePipelineSpec(parseYaml(written));
    if (!spec.ok) throw new Error('written pipeline');
    const agg = spec.value.steps.find((s) => s.step === 'aggregate');
    expect(Object.keys((agg as { weights?: object }).weights ?? {})).toEqual(['Conn', 'Sust']);
  });

  it('rejects unknown target codes with a coded issue and bad flags as usage errors', async () => {
    await expect(runCli(weightsCommand, ...args, '--targets', 'Conn=1,Nope=1')).rejects.toSatisfy(
      (e) =>
        e instanceof IntegrationIndexError &&
        e.issues.some((i) => i.code === 'COMPOSITE_UNKNOWN_CODE'),
    );
    expect((await runCli(weightsCommand, ...args, '--targets', 'Conn=x')).code).toBe(2);
    expect((await runCli(weightsCommand, ...args, '--against', 'sky')).code).toBe(2);
  });
});

describe('Box-Cox and log treatments on ASEM', () => {
  it('treat method boxcox needs a lambda and transforms the failing indicators', () => {
    const spec = parsePipelineSpec({
      steps: [...before.slice(0, 3), { step: 'treat', method: 'boxcox' }],
    });
    if (!spec.ok) throw new Error('spec');
    const r = safeRunPipeline(data, spec.value);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['COMPOSITE_SPEC_INVALID']);
    const ok = run({ method: 'amean' }); // default treatment, for comparison
    const box = runPipeline(data, {
      steps: [...before.slice(0, 3), { step: 'treat', method: 'boxcox', lambda: 0 }],
    });
    const log = box.log.find((l) => l.step === 'treat');
    const changed =
      log && 'indicators' in log ? log.indicators.filter((t) => t.action === 'transformed') : [];
    const defLog = ok.log.find((l) => l.step === 'treat');
    const failing =
      defLog && 'indicators' in defLog ? defLog.indicators.filter((t) => t.action !== 'none') : [];
    // The same indicators fail the test; each is now log-shifted (Box-Cox with lambda 0).
    expect(changed.map((t) => t.code).sort()).toEqual(failing.map((t) => t.code).sort());
    expect(changed.length).toBeGreaterThan(0);
    const code = changed[0]?.code as string;
    const x = column(box.datasets.screened as Dataset, code).filter((v) => !Number.isNaN(v));
    const y = column(box.datasets.treated as Dataset, code).filter((v) => !Number.isNaN(v));
    const mn = Math.min(...x);
    y.forEach((v, i) => {
      expect(v).toBeCloseTo(Math.log((x[i] as number) - mn + 1), 12);
    });
  });
});

describe('CLI stats (availability, denominators, p-values)', () => {
  const base = ['--idata', join(dir, 'asem_iData.csv'), '--imeta', join(dir, 'asem_iMeta.csv')];

  it('lists the indicator-denominator pairs above the threshold, all above it', async () => {
    const r = await runCli(
      statsCommand,
      ...base,
      '--table',
      'denominators',
      '--threshold',
      '0.7',
      '-f',
      'csv',
    );
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(Math.abs(Number(row[2]))).toBeGreaterThan(0.7);
    expect(rows.map((row) => `${row[0]}/${row[1]}`)).toContain('Goods/GDP');
  });

  it('gives the data availability of every unit with a column per aggregate', async () => {
    const r = await runCli(statsCommand, ...base, '--table', 'availability', '-f', 'json');
    const rows = JSON.parse(r.stdout) as {
      unit: string;
      availability: number;
      byGroup: Record<string, number>;
    }[];
    expect(rows).toHaveLength(data.units.codes.length);
    expect(Object.keys(rows[0]?.byGroup ?? {})).toContain('Index');
    expect(rows.some((x) => x.availability < 1)).toBe(true);
  });

  it('p-values of chosen codes after the pipeline; unknown codes are coded issues', async () => {
    const pipe = ['--pipeline', join(import.meta.dirname, 'fixtures/composite/asem.pipeline.yaml')];
    const r = await runCli(
      statsCommand,
      ...base,
      ...pipe,
      '--table',
      'pvalues',
      '--codes',
      'Conn,Sust,Index',
      '-f',
      'csv',
    );
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
    await expect(
      runCli(statsCommand, ...base, '--table', 'pvalues', '--codes', 'Nope'),
    ).rejects.toSatisfy(
      (e) => e instanceof IntegrationIndexError && e.issues[0]?.code === 'COMPOSITE_UNKNOWN_CODE',
    );
    expect((await runCli(statsCommand, ...base, '--table', 'sky')).code).toBe(2);
  });
});

describe('analysis charts in the CLI and the report', () => {
  const work = tempWorkDir('ii-peers-charts-');
  const fx = join(import.meta.dirname, 'fixtures/analysis');
  const asem = [
    '--idata',
    join(dir, 'asem_iData.csv'),
    '--imeta',
    join(dir, 'asem_iMeta.csv'),
    '--pipeline',
    join(fx, 'asem-pipeline.yaml'),
    '--spec',
    join(fx, 'asem-spec.yaml'),
    '--samples',
    '8',
  ];

  it('uncertainty and sensitivity --format svg draw their charts', async () => {
    const ua = await runCli(uncertaintyCommand, ...asem, '--format', 'svg');
    expect(ua.code).toBe(0);
    expect(ua.stdout.startsWith('<svg')).toBe(true);
    expect((ua.stdout.match(/class="unit"/g) ?? []).length).toBe(51);
    const sa = await runCli(sensitivityCommand, ...asem, '--format', 'svg');
    expect(sa.stdout).toContain('class="chart chart-sensitivity"');
    expect((sa.stdout.match(/class="bar-total"/g) ?? []).length).toBe(4);
  });

  it('stats --table framework --format svg draws the sunburst with a node per code', async () => {
    const r = await runCli(
      statsCommand,
      ...['--idata', join(dir, 'asem_iData.csv'), '--imeta', join(dir, 'asem_iMeta.csv')],
      '--table',
      'framework',
      '--format',
      'svg',
    );
    expect((r.stdout.match(/class="node"/g) ?? []).length).toBe(data.meta.nodes.length);
  });

  it('report --analysis adds a robustness section; a wrong file is REPORT_ANALYSIS_INVALID', async () => {
    const json = join(work, 'ua.json');
    expect(
      (await runCli(uncertaintyCommand, ...asem, '--format', 'json', '--out', json)).code,
    ).toBe(0);
    const html = join(work, 'r.html');
    const base = ['--framework', 'niem', 'fixtures/niem/answers.csv', '--out', html, '--quiet'];
    expect((await runCli(reportCommand, ...base, '--analysis', json)).code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<a href="#robustness">');
    expect(text).toContain('<section id="robustness"');
    expect(text).toContain('class="chart chart-uncertainty"');
    await expect(
      runCli(reportCommand, ...base, '--analysis', join(dir, 'asem_iMeta.csv')),
    ).rejects.toSatisfy(
      (e) => e instanceof IntegrationIndexError && e.issues[0]?.code === 'REPORT_ANALYSIS_INVALID',
    );
  });
});

describe('AMPI over a panel', () => {
  it('uses goalposts over every period and the first period mean as the default reference', () => {
    const iMeta = `Level,iCode,Direction,Weight,Parent,Type
1,a,1,1,Index,Indicator
1,b,1,1,Index,Indicator
2,Index,1,1,,Aggregate`;
    const iData = `uCode,Time,a,b
X,2020,0,10
Y,2020,10,0
X,2021,5,5
Y,2021,20,30`;
    const d = readCoinr(iData, iMeta);
    if (!d.ok) throw new Error(JSON.stringify(d.issues));
    const r = runPipeline(d.value, { steps: [{ step: 'aggregate', method: 'ampi' }] });
    const ds = r.datasets.aggregated as Dataset;
    // a: min 0, max 20, d = 10, reference = mean of 2020 = 5, so r = 70 + 3 (a + 5);
    // b: min 0, max 30, d = 15, reference 5, so r = 70 + 2 (b + 10).
    const ra = (x: number) => 70 + 3 * (x + 5);
    const rb = (x: number) => 70 + 2 * (x + 10);
    const score = (p: number, q: number) => {
      const m = (p + q) / 2;
      const s = Math.abs(p - q) / 2;
      return m - (s * s) / m;
    };
    const got = column(ds, 'Index');
    const expected = [
      score(ra(0), rb(10)),
      score(ra(10), rb(0)),
      score(ra(5), rb(5)),
      score(ra(20), rb(30)),
    ];
    got.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i] as number, 10);
    });
  });
});
