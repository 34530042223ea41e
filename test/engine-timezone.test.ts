// Dates in the engine are calendar days, never instants: the same answers must give the same
// scores in any time zone (date-fns runs its tests under several zones for the same reason).
process.env.TZ = 'Asia/Tokyo';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import { score } from '../src/engine/index.js';
import { parseFramework } from '../src/framework/load/load.js';
import { dayNumber } from '../src/rules/_lib/cell.js';
import { date, elapsedYears } from '../src/rules/date/index.js';

const dir = join(import.meta.dirname, 'fixtures', 'engine');
const framework = parseFramework([
  { path: 'framework.yaml', content: readFileSync(join(dir, 'framework.yaml'), 'utf8') },
]);
const answers = readAnswers([
  { path: 'answers.csv', content: readFileSync(join(dir, 'answers.csv'), 'utf8') },
]);

describe('under TZ=Asia/Tokyo', () => {
  it('runs in the zone it claims', () => {
    expect(new Date(2020, 0, 1).getTimezoneOffset()).toBe(-540);
  });

  it('numbers days and counts years on the calendar', () => {
    expect(dayNumber('2019-04-30')).toBe(18016);
    expect(elapsedYears(dayNumber('2017-05-01') as number, dayNumber('2019-04-30') as number)).toBe(
      1,
    );
    expect(elapsedYears(dayNumber('2017-04-30') as number, dayNumber('2019-04-30') as number)).toBe(
      2,
    );
    const inForce = date({ kind: 'date', mode: 'in-force', score: 100, otherwise: 0 });
    const ctx = { scale: { min: 0, max: 100 }, referenceDate: '2019-04-30', referenceDay: 18016 };
    expect(inForce.run(inForce.parse('2019-04-30', ctx) as number, ctx)).toBe(100);
    expect(inForce.run(inForce.parse('2019-05-01', ctx) as number, ctx)).toBe(0);
  });

  it('takes the same answers in force on the same as-of dates', () => {
    const at = (asOf?: string) => {
      const r = score(framework, answers, asOf ? { asOf } : {});
      const permit = r.nodes.find((n) => n.id === 'permit');
      const lawDate = r.nodes.find((n) => n.id === 'law_date');
      return [permit?.score[0], lawDate?.score[1]];
    };
    expect(at()).toEqual([50, 0]);
    expect(at('2019-12-31')).toEqual([50, 100]);
    expect(at('2020-01-01')).toEqual([100, 100]);
    expect(at('2019-06-01')).toEqual([50, 100]);
    expect(at('2019-05-31')).toEqual([50, 0]);
  });
});
