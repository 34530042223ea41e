import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkup, excelSafeCell, markdownText } from './neutralise.js';

describe('markdownText', () => {
  it('escapes HTML, pipes, backslashes and line breaks', () => {
    expect(markdownText('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdownText('a|b')).toBe('a\\|b');
    expect(markdownText('a\\|b')).toBe('a\\\\\\|b');
    expect(markdownText('Tom & "Jerry"\nline')).toBe('Tom &amp; &quot;Jerry&quot; line');
    expect(markdownText('Пребиваване')).toBe('Пребиваване');
  });

  it('property: the result has no markup character, no bare pipe and no line break', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const md = markdownText(text);
        expect(md).not.toMatch(/[<>\n\r]/);
        expect(md.replace(/\\\\/g, '').replace(/\\\|/g, '')).not.toContain('|');
      }),
    );
  });
});

describe('excelSafeCell and escapeMarkup', () => {
  it('property: no neutralised cell starts with a formula character unless it is a number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), (value) => {
        const cell = excelSafeCell(value);
        if (typeof value === 'number') expect(cell).toBe(String(value));
        else if (/^[=+@\t\r]/.test(value)) expect(cell).toBe(`'${value}`);
        expect(/^[=+@\t\r]/.test(cell)).toBe(false);
      }),
    );
  });

  it('escapes the five markup characters', () => {
    expect(escapeMarkup(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
