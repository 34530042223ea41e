import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { readAnswers, readAnswerTable } from '../src/answers/read/index.js';
import { safeScore, safeScoreFiles, score, scoreFiles } from '../src/engine/index.js';
import { parseFramework } from '../src/framework/load/load.js';
import type { SourceFile } from '../src/framework/load/source.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const load = (dir: string) =>
  parseFramework(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => ({ path: f, content: readFileSync(join(dir, f), 'utf8') })),
  );
const file = (dir: string, name: string): SourceFile => ({
  path: name,
  content: readFileSync(join(dir, name)),
});

const engineDir = join(fixtures, 'engine');
const answersDir = join(fixtures, 'answers');
const cases: { name: string; framework: ReturnType<typeof load>; files: SourceFile[] }[] = [
  { name: 'engine fixture', framework: load(engineDir), files: [file(engineDir, 'answers.csv')] },
  {
    name: 'planted errors, JSON and wide files together',
    framework: load(join(answersDir, 'framework')),
    files: [
      file(answersDir, 'planted-errors.csv'),
      file(answersDir, 'answers.json'),
      file(answersDir, 'wide-tab.tsv'),
      file(answersDir, 'long-semicolon-bom-crlf.csv'),
    ],
  },
];

describe('scoreFiles: the column-wise path gives what readAnswers + score give', () => {
  for (const { name, framework, files } of cases) {
    it(`${name}: same rows, same result`, () => {
      const set = readAnswers(files);
      const { table, ...rest } = readAnswerTable(files);
      expect(table.toRows()).toEqual(set.rows);
      expect({ ...rest, rows: set.rows }).toEqual(set);
      for (const asOf of [undefined, '2019-04-30', '2015-01-01']) {
        const slow = safeScore(framework, set, { asOf });
        const fast = safeScoreFiles(framework, files, { asOf });
        expect(fast).toEqual(slow);
      }
    });
  }

  it('rows read in any order and split over files score the same', () => {
    const { framework, files } = cases[0] as (typeof cases)[number];
    const [header, ...rows] = parse(String((files[0] as SourceFile).content)) as string[][];
    const reversed = [...rows].reverse();
    const half = Math.floor(reversed.length / 2);
    const split: SourceFile[] = [
      { path: 'a.csv', content: stringify([header, ...reversed.slice(0, half)]) },
      { path: 'b.csv', content: stringify([header, ...reversed.slice(half)]) },
    ];
    const a = score(framework, readAnswers(split));
    const b = scoreFiles(framework, split);
    expect(b).toEqual(a);
    expect(b.counts).toEqual(score(framework, readAnswers(files)).counts);
  });
});
