import { describe, expect, it } from 'vitest';
import { escapeMarkup } from './escape.js';

describe('escapeMarkup', () => {
  it('escapes the five markup characters', () => {
    expect(escapeMarkup(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
  it('leaves non-Latin and right-to-left text alone', () => {
    for (const s of ['Пребиваване', 'اللاجئين', 'עברית', '中文', '👩‍👧']) {
      expect(escapeMarkup(s)).toBe(s);
    }
  });
  it('does not double-escape in a way that loses text', () => {
    expect(escapeMarkup('&amp;')).toBe('&amp;amp;');
  });
});
