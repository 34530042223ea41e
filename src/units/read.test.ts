import { describe, expect, it } from 'vitest';
import { isoRegistry, loadCountryNames } from './countries.js';
import { readUnits } from './read.js';

const codes = (r: ReturnType<typeof readUnits>) =>
  r.ok ? [] : r.issues.map((i) => [i.code, i.line, i.field]);

describe('readUnits', () => {
  it('reads CSV with names per language, groups and population', () => {
    const r = readUnits({
      path: 'units.csv',
      content:
        'code,name_en,name_bg,level,parent,groups,population\nR,Region,Област,region,,,\nM,Town,Град,municipality,R,R;EU27,1200\n',
    });
    expect(r.ok && r.value.units[1]).toEqual({
      code: 'M',
      name: { en: 'Town', bg: 'Град' },
      level: 'municipality',
      parent: 'R',
      groups: ['R', 'EU27'],
      population: 1200,
    });
  });

  it('reads YAML, as a list or under units:', () => {
    const r = readUnits({
      path: 'units.yaml',
      content:
        'units:\n  - { code: R, level: region, name: { en: Region } }\n  - code: M\n    level: municipality\n    parent: R\n',
    });
    expect(r.ok && r.value.units.map((u) => u.code)).toEqual(['R', 'M']);
    expect(r.ok && r.value.lines).toEqual([2, 3]);
  });

  it('reports duplicate codes at the line of the second, naming the first', () => {
    const r = readUnits({ path: 'u.csv', content: 'code,level\nA,region\nB,region\nA,region\n' });
    expect(codes(r)).toEqual([['UNITS_DUPLICATE_CODE', 4, 'code']]);
    expect(r.ok ? null : r.issues[0]?.params?.first).toBe(2);
  });

  it('reports an unknown parent with file, line and field', () => {
    const r = readUnits({
      path: 'u.csv',
      content: 'code,level,parent\nA,region,\nB,municipality,Z\n',
    });
    expect(codes(r)).toEqual([['UNITS_UNKNOWN_PARENT', 3, 'parent']]);
    expect(r.ok ? null : r.issues[0]?.file).toBe('u.csv');
  });

  it('reports a cycle of parents once', () => {
    const r = readUnits({
      path: 'u.yaml',
      content:
        '- { code: A, level: region, parent: C }\n- { code: B, level: region, parent: A }\n- { code: C, level: region, parent: B }\n- { code: D, level: region, parent: D }\n',
    });
    expect(codes(r)).toEqual([
      ['UNITS_CYCLE', 1, 'parent'],
      ['UNITS_CYCLE', 4, 'parent'],
    ]);
    expect(r.ok ? null : r.issues[0]?.params?.cycle).toEqual(['A', 'C', 'B', 'A']);
  });

  it('reports bad fields, a missing column and syntax errors with their codes', () => {
    expect(
      codes(readUnits({ path: 'u.csv', content: 'code,level,population\nA,region,many\n' })),
    ).toEqual([['UNITS_INVALID_FIELD', 2, 'population']]);
    expect(codes(readUnits({ path: 'u.csv', content: 'code,name\nA,x\n' }))).toEqual([
      ['UNITS_MISSING_COLUMN', 1, undefined],
    ]);
    expect(codes(readUnits({ path: 'u.yaml', content: '- { code: A, level: [\n' }))[0]?.[0]).toBe(
      'UNITS_SYNTAX',
    );
    expect(codes(readUnits({ path: 'u.csv', content: 'code,level\nA,Region Two\n' }))).toEqual([
      ['UNITS_INVALID_FIELD', 2, 'level'],
    ]);
  });
});

describe('ISO 3166 names', () => {
  it('names MIPEX and NIEM countries in English and Bulgarian with no units file', async () => {
    const names = await loadCountryNames();
    const reg = isoRegistry(['BG', 'UK', 'TU', 'XA'], names);
    expect(reg.units.map((u) => [u.code, u.name, u.groups])).toEqual([
      ['BG', { en: 'Bulgaria', bg: 'България' }, ['EU27']],
      ['UK', { en: 'United Kingdom', bg: 'Обединеното кралство' }, []],
      ['TU', { en: 'Türkiye', bg: 'Турция' }, []],
    ]);
    expect((names.name('DEU') as Record<string, string>).bg).toBe('Германия');
  });
});
