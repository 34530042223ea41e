/**
 * Issue 16: the built-in frameworks that declare Bulgarian are Bulgarian throughout. A text
 * without a `bg` value fails the test, which lists each one by file, line and path; and the NIEM
 * questionnaire written with `template --lang bg` holds none of the framework's English question,
 * title or option texts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { templateCommand } from '../src/cli/commands/template.js';
import { type Framework, validateFramework } from '../src/index.js';
import { isFrameworkFolder, loadFrameworkDir, readFrameworkFiles } from '../src/node.js';
import { runCli as run } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const indicators = join(root, 'indicators');
// Every framework folder (not indicators/.compiled, which holds their snapshots).
const bilingual = readdirSync(indicators, { withFileTypes: true })
  .filter((e) => e.isDirectory() && isFrameworkFolder(join(indicators, e.name)))
  .map((e) => join(indicators, e.name))
  .filter((dir) => loadFrameworkDir(dir).languages?.includes('bg') === true);

/** Each text without a `bg` value, as `file:line path`. */
function missingBulgarian(files: ReturnType<typeof readFrameworkFiles>): string[] {
  return validateFramework(files)
    .warnings.filter((w) => w.code === 'TEXT_MISSING_TRANSLATION' && w.params?.lang === 'bg')
    .map((w) => `${w.file ?? '?'}:${w.line ?? '?'} ${w.path.join('.')}`);
}

/** Every English and Bulgarian pair of a framework's dimensions (sources excluded). */
function textPairs(framework: Framework): { en: string; bg: string }[] {
  const out: { en: string; bg: string }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const { en, bg } = value as { en?: unknown; bg?: unknown };
    if (typeof en === 'string' && typeof bg === 'string') {
      out.push({ en, bg });
      return;
    }
    for (const [key, v] of Object.entries(value)) if (key !== 'sources') walk(v);
  };
  walk(framework.dimensions);
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('frameworks that declare Bulgarian', () => {
  it('are the two NIEM editions and local-services', () => {
    expect(bilingual.map((d) => d.slice(indicators.length + 1)).sort()).toEqual([
      'local-services',
      'niem',
      'niem-2019',
    ]);
  });

  it.each(bilingual.map((d) => [d.slice(indicators.length + 1), d]))(
    '%s has a Bulgarian value for every text',
    (_name, dir) => {
      expect(missingBulgarian(readFrameworkFiles(dir))).toEqual([]);
    },
  );

  it('one English text has one Bulgarian text, except labels whose question asks for another form', () => {
    const renderings = new Map<string, Set<string>>();
    // Within the NIEM editions: another framework may word a short label for its own questions.
    for (const dir of bilingual.filter((d) => /niem/.test(d.slice(indicators.length + 1)))) {
      for (const { en, bg } of textPairs(loadFrameworkDir(dir))) {
        renderings.set(en, (renderings.get(en) ?? new Set()).add(bg));
      }
    }
    const varying = [...renderings].filter(([, bg]) => bg.size > 1).map(([en]) => en);
    // Documented in indicators/niem/README.md (glossary): gender and number follow the noun of
    // the question, and "Free" is a free choice for residence but free of charge for fees.
    expect(varying.sort()).toEqual([
      'Comprehensive',
      'Core only',
      'Free',
      'Required',
      'Restricted',
    ]);
  });

  it('the options and bands of a rule have distinct Bulgarian labels', () => {
    const clashes: string[] = [];
    let rules = 0;
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) {
        const labels = value
          .map((v) => (v as { label?: { bg?: string } } | null)?.label?.bg)
          .filter((l): l is string => typeof l === 'string');
        if (labels.length > 1) rules++;
        if (new Set(labels).size !== labels.length) clashes.push(`${path}: ${labels.join(' | ')}`);
        value.forEach((v, i) => {
          walk(v, `${path}.${i}`);
        });
      } else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
      }
    };
    for (const dir of bilingual) walk(loadFrameworkDir(dir).dimensions, dir.slice(root.length + 1));
    expect(clashes).toEqual([]);
    expect(rules).toBeGreaterThan(300);
  });

  it('the Bulgarian texts use the terms of Bulgarian law, not English abbreviations or loan words', () => {
    // subsidiary protection is хуманитарен статут in the ЗУБ; BIP, BSP, LTR, NGO are written out.
    const foreign = /\b(BIPs?|BSPs?|LTR|NGOs?|UNHCR|IOM)\b|субсидиарн|бенефициент|азил/i;
    const found = bilingual.flatMap((dir) =>
      textPairs(loadFrameworkDir(dir))
        .filter(({ bg }) => foreign.test(bg))
        .map(({ bg }) => bg),
    );
    expect(found).toEqual([]);
  });

  it('a text without Bulgarian is listed with its file, line and path', () => {
    const files = readFrameworkFiles(join(indicators, 'niem')).map((f) =>
      f.path.endsWith('04-family.yaml')
        ? {
            ...f,
            content: (typeof f.content === 'string'
              ? f.content
              : new TextDecoder().decode(f.content)
            ).replace('      bg: Срок за решение\n', ''),
          }
        : f,
    );
    const missing = missingBulgarian(files);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/04-family\.yaml:\d+ indicators\.\d+\.title$/);
  });
});

/** The English texts of the indicators (titles, questions, option and band labels) that have a different Bulgarian value. */
function englishTexts(framework: Framework): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      if (key === 'sources' || key === 'notes') continue;
      if (
        ['title', 'question', 'label'].includes(key) &&
        typeof v === 'object' &&
        v !== null &&
        'en' in v
      ) {
        const { en, bg } = v as { en: string; bg?: string };
        if (en !== bg) out.add(en);
      } else if (['title', 'question', 'label'].includes(key) && typeof v === 'string') {
        out.add(v);
      } else {
        walk(v);
      }
    }
  };
  walk(framework.dimensions.map((d) => d.indicators ?? []));
  return out;
}

/** English texts found in a long template: title and question cells equal to one, an allowed answer labelled with one, or a longer one anywhere. */
function englishIn(csv: string, english: Set<string>): string[] {
  const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
  const found = new Set<string>();
  for (const row of rows) {
    const title = row.title ?? '';
    for (const part of [title, ...title.split(': ')]) if (english.has(part)) found.add(part);
    if (english.has(row.question ?? '')) found.add(row.question ?? '');
    for (const e of english) {
      const allowed = row.allowed ?? '';
      if (allowed.includes(`= ${e} (`) || allowed.includes(`= ${e};`)) found.add(e);
    }
  }
  for (const e of english) if (e.includes(' ') && e.length >= 12 && csv.includes(e)) found.add(e);
  return [...found].sort();
}

describe('template --framework niem --lang bg', () => {
  const english = englishTexts(loadFrameworkDir(join(indicators, 'niem')));

  it.each(['niem', 'niem-2019'])(
    '%s: holds no English question, title or option text of the framework, and falls back on none',
    async (id) => {
      const r = await run(templateCommand, '--framework', id, '--lang', 'bg', '--units', 'BG');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('ANSWER_TEMPLATE_FALLBACK');
      expect(englishIn(r.stdout, englishTexts(loadFrameworkDir(join(indicators, id))))).toEqual([]);
      expect(r.stdout).toContain(
        'Имат ли лицата с хуманитарен статут право на събиране на семейството при същите условия като бежанците?',
      );
      expect(r.stdout).toContain('a = Да, при същите условия');
    },
  );

  it('the same check finds the English texts in the English template', async () => {
    const r = await run(templateCommand, '--framework', 'niem', '--units', 'BG');
    expect(r.code, r.stderr).toBe(0);
    const found = englishIn(r.stdout, english);
    // Every distinct English title, question and option label the questionnaire prints.
    expect(found.length).toBeGreaterThan(500);
    expect(found).toContain(
      'Do BSPs have a right to family reunification on the same terms as refugees?',
    );
    expect(found).toContain('None');
  });
});
